import { DEFAULT_SETTINGS, readSettings, SETTINGS_KEY, type Settings } from '@/lib/settings.ts';

// What the options page needs from the browser, behind one interface so the page can be tested with a fake.

export interface OptionsPort {
  /** The host patterns granted now (the default .gov.cn match included). */
  granted(): Promise<string[]>;
  /** Ask for origins; must be called from the click handler (a user gesture), or the browser refuses. */
  request(origins: string[]): Promise<boolean>;
  remove(origins: string[]): Promise<boolean>;
  /** Chrome: has the reader allowed file URLs on chrome://extensions? (true where the browser does not ask). */
  fileAccessAllowed(): Promise<boolean>;
  onPermissionsChanged(listener: () => void): () => void;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  helpUrl(): string;
}

export function browserOptionsPort(): OptionsPort {
  return {
    granted: async () => (await browser.permissions.getAll()).origins ?? [],
    request: (origins) => browser.permissions.request({ origins }),
    remove: (origins) => browser.permissions.remove({ origins }),
    fileAccessAllowed: async () => {
      const ext = browser.extension as unknown as { isAllowedFileSchemeAccess?: () => Promise<boolean> };
      return ext?.isAllowedFileSchemeAccess ? ext.isAllowedFileSchemeAccess() : true;
    },
    onPermissionsChanged(listener) {
      browser.permissions.onAdded.addListener(listener);
      browser.permissions.onRemoved.addListener(listener);
      return () => {
        browser.permissions.onAdded.removeListener(listener);
        browser.permissions.onRemoved.removeListener(listener);
      };
    },
    loadSettings: async () => {
      const stored = await browser.storage.local.get(SETTINGS_KEY);
      return stored ? readSettings(stored[SETTINGS_KEY]) : DEFAULT_SETTINGS;
    },
    saveSettings: (settings) => browser.storage.local.set({ [SETTINGS_KEY]: settings }),
    helpUrl: () => browser.runtime.getURL('/help.html'),
  };
}
