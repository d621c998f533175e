import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

const require = createRequire(import.meta.url);

/** Places the reader may add in the options page (lib/extra-hosts.ts): the archive, one mirror host, local files. */
const OPTIONAL_HOSTS = ['*://web.archive.org/*', '*://*/*', 'file:///*'];

/** pdf.js's data files, copied from node_modules into the build (not committed): see entrypoints/attachment/pdfjs.ts. */
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));
const PDFJS_DATA = ['cmaps', 'standard_fonts'];

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// The extension only ever runs on *.gov.cn pages and talks to nothing on the network.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The attachment page's pdf.js reads Adobe's predefined CMaps (text in Chinese fonts that are not
    // embedded) and the standard fonts' data from the extension itself, under pdfjs/. No other file uses them.
    'build:publicAssets': (_wxt, files) => {
      for (const folder of PDFJS_DATA) {
        for (const name of readdirSync(join(PDFJS_ROOT, folder))) files.push({ absoluteSrc: join(PDFJS_ROOT, folder, name), relativeDest: `pdfjs/${folder}/${name}` });
      }
    },
    // WXT titles the button with popup.html's <title>; the manifest's title is the localised one instead.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_appName__';
      if (manifest.browser_action) manifest.browser_action.default_title = '__MSG_appName__';
    },
    // The content script (and the auditor it loads on report pages) only needs runtime.getURL,
    // sendMessage and onMessage, which are promise-based natively in MV3 Chrome and in Firefox (the
    // onMessage listeners use sendResponse, which works everywhere), so they get WXT's plain `browser`
    // (globalThis.browser ?? chrome) instead of the polyfill. Background and popup keep it.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script' || e.name === 'auditor')) return;
      const alias = (config.resolve ??= {}).alias;
      if (alias && !Array.isArray(alias)) (alias as Record<string, string>)['wxt/browser'] = require.resolve('@wxt-dev/browser');
    },
  },
  manifest: ({ browser }) => ({
    // Name, description and button title in the browser's language, from public/_locales (Chinese by default).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // activeTab: the popup reads the current tab. storage: the reader's library (every report read, with review
    // marks) and settings in storage.local, the per-tab reports in storage.session; unlimitedStorage: a library
    // of many years and agencies outgrows storage.local's 10 MB. scripting: register the content script on the places the reader adds in the options page, and load the
    // auditor into those pages (it is web-accessible to .gov.cn only).
    permissions: ['activeTab', 'storage', 'unlimitedStorage', 'scripting'],
    // Asked for in the options page, at the moment the reader turns a place on — never granted at install:
    // archived copies on web.archive.org, a mirror the reader names (any one host, hence the wildcard here),
    // saved pages opened from disk.
    // Firefox's MV2 has no optional_host_permissions: the origins go in optional_permissions there.
    // The evidence pack's copy of the page as MHTML (pageCapture): asked for when the reader clicks 保存证据包
    // (Chromium only).
    ...(browser === 'firefox'
      ? { optional_permissions: [...OPTIONAL_HOSTS] }
      : { optional_host_permissions: [...OPTIONAL_HOSTS], optional_permissions: ['pageCapture'] }),
    // Drawn by scripts/draw-icons.ts (public/icon/ is copied into the build as is).
    icons: ICONS,
    action: { default_title: '__MSG_appName__', default_icon: ICONS },
    // The auditor, which the content script imports on report pages only. In Chromium it is reachable from
    // .gov.cn pages alone and under a per-session address (use_dynamic_url), so no page can probe for it.
    ...(browser === 'firefox'
      ? {
          web_accessible_resources: ['auditor.js'],
          browser_specific_settings: {
            gecko: {
              id: 'nianbao-check@example.org',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { web_accessible_resources: [{ resources: ['auditor.js'], matches: ['*://*.gov.cn/*'], use_dynamic_url: true }] }),
  }),
});
