/**
 * The library on a key–value area: `browser.storage.local` in the extension (background and library page),
 * WXT's fakeBrowser in unit tests. One item per report under `lib:<entryKey>`, so reading one report
 * rewrites one item. No extension API is imported here: the area is given.
 */
import type { Report, Review } from '../schema.ts';
import { entryKey, newEntry, setReview, type LibraryEntry } from './entry.ts';

export interface KeyValueArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const PREFIX = 'lib:';
const itemKey = (key: string) => PREFIX + key;

function isEntry(value: unknown): value is LibraryEntry {
  const e = value as Partial<LibraryEntry> | null;
  return !!e && typeof e.key === 'string' && typeof e.readAt === 'string' && !!e.report && typeof e.reviews === 'object';
}

export class LibraryStore {
  private readonly area: KeyValueArea;
  private readonly now: () => Date;
  constructor(area: KeyValueArea, now: () => Date = () => new Date()) {
    this.area = area;
    this.now = now;
  }

  /** Keep a report just read (or imported): the same key is replaced, its review marks kept. */
  async put(report: Report, reviews?: Record<string, Review>): Promise<LibraryEntry> {
    const previous = await this.get(entryKey(report));
    let entry = newEntry(report, this.now(), previous);
    if (reviews) entry = { ...entry, reviews: { ...entry.reviews, ...reviews } };
    await this.area.set({ [itemKey(entry.key)]: entry });
    return entry;
  }

  async get(key: string): Promise<LibraryEntry | undefined> {
    const items = await this.area.get(itemKey(key));
    const value = items[itemKey(key)];
    return isEntry(value) ? value : undefined;
  }

  /** Every entry, newest read first. */
  async all(): Promise<LibraryEntry[]> {
    const items = await this.area.get(null);
    return Object.entries(items)
      .filter(([k, v]) => k.startsWith(PREFIX) && isEntry(v))
      .map(([, v]) => v as LibraryEntry)
      .sort((a, b) => b.readAt.localeCompare(a.readAt));
  }

  /** Mark one finding (review null clears the mark). Undefined when the report is not in the library. */
  async review(key: string, findingId: string, review: Review | null): Promise<LibraryEntry | undefined> {
    const entry = await this.get(key);
    if (!entry) return undefined;
    const next = setReview(entry, findingId, review);
    await this.area.set({ [itemKey(key)]: next });
    return next;
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length) await this.area.remove(keys.map(itemKey));
  }

  async clear(): Promise<void> {
    const items = await this.area.get(null);
    await this.delete(Object.keys(items).filter((k) => k.startsWith(PREFIX)).map((k) => k.slice(PREFIX.length)));
  }
}
