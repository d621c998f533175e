import type { TabEntry } from '@/entrypoints/shared/messages.ts';

// The report each tab holds, for the popup. Kept in memory; mirrored to storage.session when the
// browser gives us one (with the "storage" permission, asked for the library),
// because an MV3 service worker is stopped when idle. Without it the popup asks the content script instead.

type SessionArea = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
};

const key = (tabId: number) => `tab:${tabId}`;

/** A report from the top frame wins over one from a sub-frame; otherwise the newest wins. */
export function preferEntry(current: TabEntry | undefined, next: TabEntry): TabEntry {
  if (current && current.frameId === 0 && next.frameId !== 0) return current;
  return next;
}

export class TabStore {
  private readonly tabs = new Map<number, TabEntry>();
  private readonly session: SessionArea | undefined;
  constructor(session?: SessionArea) {
    this.session = session;
  }

  /** Returns the entry the tab now shows (which may be the one it already had). */
  async put(tabId: number, entry: TabEntry): Promise<TabEntry> {
    const chosen = preferEntry(await this.get(tabId), entry);
    this.tabs.set(tabId, chosen);
    await this.session?.set({ [key(tabId)]: chosen }).catch(() => undefined);
    return chosen;
  }

  async get(tabId: number): Promise<TabEntry | undefined> {
    const hit = this.tabs.get(tabId);
    if (hit || !this.session) return hit;
    const items: Record<string, unknown> = await this.session.get(key(tabId)).catch(() => ({}));
    const stored = items[key(tabId)] as TabEntry | undefined;
    if (stored) this.tabs.set(tabId, stored);
    return stored;
  }

  async clear(tabId: number): Promise<void> {
    this.tabs.delete(tabId);
    await this.session?.remove(key(tabId)).catch(() => undefined);
  }
}
