import { extraOrigins } from '@/lib/extra-hosts.ts';

// The content script on the places the reader added in the options page (archive, mirrors, local files):
// registered at runtime for exactly the origins granted, re-synced whenever a permission is added or
// removed (so removing one, here or in the browser's own settings, removes the registration too).

export const EXTRA_SCRIPT_ID = 'nianbao-extra-hosts';
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

interface Registered { id: string; matches?: string[] }
export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Registered[]>;
  registerContentScripts(scripts: { id: string; js: string[]; matches: string[]; allFrames: boolean; runAt: 'document_idle'; persistAcrossSessions?: boolean }[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
}
export interface PermissionsApi {
  getAll(): Promise<{ origins?: string[] }>;
}

/** Makes the registration match the granted origins; returns the origins it now covers. */
export async function syncExtraHosts(scripting: ScriptingApi, permissions: PermissionsApi): Promise<string[]> {
  const origins = extraOrigins((await permissions.getAll()).origins);
  const [current] = await scripting.getRegisteredContentScripts({ ids: [EXTRA_SCRIPT_ID] });
  const same = current && JSON.stringify([...(current.matches ?? [])].sort()) === JSON.stringify(origins);
  if (same) return origins;
  if (current) await scripting.unregisterContentScripts({ ids: [EXTRA_SCRIPT_ID] });
  if (origins.length)
    await scripting.registerContentScripts([
      { id: EXTRA_SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], matches: origins, allFrames: true, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  return origins;
}
