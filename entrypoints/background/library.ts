import type { LibraryNewsMsg } from '@/entrypoints/shared/messages.ts';
import { sameAgency } from '@/lib/agency-identity.ts';
import { checkSeries } from '@/lib/checks/series.ts';
import { withReviews, type LibraryEntry } from '@/lib/library/entry.ts';
import { seriesView } from '@/lib/library/series-view.ts';
import type { LibraryStore } from '@/lib/library/store.ts';
import type { Report, Review } from '@/lib/schema.ts';

// The background's part of the library: keep each report read on a web page, and work out what the
// library adds to it (series findings against the agency's other years, notes from later years, review marks).

/** Only reports read from a web page go into the library on their own (files come in by import). */
export function isWebReport(report: Report): boolean {
  return /^https?:\/\//.test(report.source.url ?? '');
}

export async function newsFor(library: LibraryStore, entry: LibraryEntry): Promise<LibraryNewsMsg> {
  const { series, notes } = seriesView(await library.all(), entry.key, checkSeries, sameAgency);
  return { type: 'nianbao/library', key: entry.key, series, notes, reviews: entry.reviews };
}

/** Keep a report just read; what the library adds to it. */
export async function keepReport(library: LibraryStore, report: Report): Promise<LibraryNewsMsg> {
  return newsFor(library, await library.put(report));
}

/** Mark one finding; the entry's news afterwards, or null when the report is not in the library. */
export async function reviewFinding(library: LibraryStore, key: string, findingId: string, review: Review | null): Promise<LibraryNewsMsg | null> {
  const entry = await library.review(key, findingId, review);
  return entry ? newsFor(library, entry) : null;
}

/** The report as the tab shows it with what the library adds (for the popup and the badge). */
export function reportWithNews(report: Report, news: LibraryNewsMsg): Report {
  return { ...report, findings: withReviews([...report.findings, ...news.series, ...news.notes], news.reviews) };
}
