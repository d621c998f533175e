/**
 * The reader's library, pure part: what is kept for each report read (the report as audited, when it was
 * read, the reader's review marks by finding id), the key it is kept under, and the report as the library
 * shows and exports it (review marks put on its findings). Types only from the schema (no zod: the
 * background imports this).
 */
import type { Finding, Report, Review } from '../schema.ts';

export interface LibraryEntry {
  /** Storage key (see `entryKey`): the page's address, or for an imported file its agency, year and name. */
  key: string;
  /** The report as audited, without review marks (those live in `reviews`, so a re-read keeps them). */
  report: Report;
  /** When it was (last) read or imported, ISO 8601. */
  readAt: string;
  /** The reader's marks by finding id. */
  reviews: Record<string, Review>;
}

/** The same page read again is the same entry: keyed by its address (without #fragment). */
export function entryKey(report: Pick<Report, 'agency' | 'year' | 'source'>): string {
  const url = report.source.url;
  if (url) return `url:${url.replace(/#.*$/, '')}`;
  return `file:${report.agency ?? ''}|${report.year ?? ''}|${report.source.file ?? report.source.title}`;
}

/** A fresh entry for a report just read, keeping the review marks of an earlier read of the same key. */
export function newEntry(report: Report, readAt: Date, previous?: LibraryEntry): LibraryEntry {
  // Marks are kept by finding id, also for ids the new read does not hold: series findings are not in
  // `report.findings` (they are checked anew from the other years), and a mark is only shown on a finding
  // that carries its id.
  return { key: entryKey(report), report: stripReviews(report), readAt: readAt.toISOString(), reviews: previous?.reviews ?? {} };
}

/** The report without review marks on its findings (an imported JSON export carries them on its findings). */
export function stripReviews(report: Report): Report {
  if (!report.findings.some((f) => f.review)) return report;
  return { ...report, findings: report.findings.map(({ review: _review, ...f }) => f) };
}

/** The review marks carried by a report's findings (an imported export), by finding id. */
export function reviewsOf(findings: readonly Finding[]): Record<string, Review> {
  const out: Record<string, Review> = {};
  for (const f of findings) if (f.review) out[f.id] = f.review;
  return out;
}

/** Findings with the reader's marks on them. */
export function withReviews(findings: readonly Finding[], reviews: Record<string, Review>): Finding[] {
  return findings.map((f) => {
    const review = reviews[f.id];
    if (!review) {
      if (!f.review) return f;
      const { review: _review, ...rest } = f;
      return rest;
    }
    return { ...f, review };
  });
}

/** Findings that count (badge, banner headline, the library's error column): all but those set aside. */
export function counted(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.review?.status !== 'dismissed');
}

/** The report as the library shows and exports it: its own findings, then its series findings, with marks. */
export function libraryReport(entry: LibraryEntry, series: readonly Finding[] = []): Report {
  return { ...entry.report, findings: withReviews([...entry.report.findings, ...series], entry.reviews) };
}

/** Set or clear (review null) one mark. */
export function setReview(entry: LibraryEntry, findingId: string, review: Review | null): LibraryEntry {
  const reviews = { ...entry.reviews };
  if (review) reviews[findingId] = review;
  else delete reviews[findingId];
  return { ...entry, reviews };
}
