import { describe, expect, it } from 'vitest';
import { EXTRA_SCRIPT_ID, syncExtraHosts, type ScriptingApi } from '../entrypoints/background/registrations.ts';

function fakeScripting() {
  const scripts = new Map<string, { id: string; matches: string[] }>();
  const calls: string[] = [];
  const api: ScriptingApi = {
    async getRegisteredContentScripts(filter) {
      return [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id));
    },
    async registerContentScripts(list) {
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        scripts.set(s.id, { id: s.id, matches: s.matches });
        calls.push(`register ${s.matches.join(' ')}`);
      }
    },
    async unregisterContentScripts(filter) {
      for (const id of filter?.ids ?? []) scripts.delete(id);
      calls.push('unregister');
    },
  };
  return { api, scripts, calls };
}

describe('content script on the places added in the options page', () => {
  it('registers for the granted extra origins, follows additions and removals, and leaves no registration when none is left', async () => {
    const { api, scripts, calls } = fakeScripting();
    let origins = ['*://*.gov.cn/*'];
    const permissions = { getAll: async () => ({ origins }) };
    expect(await syncExtraHosts(api, permissions)).toEqual([]);
    expect(scripts.size).toBe(0);

    origins = ['*://*.gov.cn/*', '*://web.archive.org/*'];
    await syncExtraHosts(api, permissions);
    expect(scripts.get(EXTRA_SCRIPT_ID)?.matches).toEqual(['*://web.archive.org/*']);

    // Same grants again (a service-worker restart): nothing re-registered.
    calls.length = 0;
    await syncExtraHosts(api, permissions);
    expect(calls).toEqual([]);

    origins = ['*://*.gov.cn/*', '*://web.archive.org/*', 'file:///*'];
    await syncExtraHosts(api, permissions);
    expect(scripts.get(EXTRA_SCRIPT_ID)?.matches).toEqual(['*://web.archive.org/*', 'file:///*']);

    origins = ['*://*.gov.cn/*'];
    await syncExtraHosts(api, permissions);
    expect(scripts.size).toBe(0);
  });
});
