import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

const require = createRequire(import.meta.url);

/**
 * The data dictionary's English `meaning` texts and `formats` lists only feed the README's dictionary (nothing
 * in lib/ reads them). The content script runs
 * on every .gov.cn page under a 25 KB gzip budget, so its build ships them empty (checked in
 * tests/e2e/bundle.e2e.test.ts). Plain text replacement on the one source file; if it ever stops matching,
 * the texts just come back and the size test says so.
 */
function dropDictionaryMeanings() {
  return {
    name: 'nianbao:drop-dictionary-meanings',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!id.endsWith('/lib/dictionary.ts')) return undefined;
      return code
        .replace(/ meaning: '[^']*',/g, '')
        .replace(/ formats: (?:\[[^\]]*\]|\w+),/g, '')
        .replace(/(\n\s+L\('[^']*', '[^']*', \/.*?\/[a-z]*), '[^']*'\)/g, '$1)')
        .replace(/(\n\s+L\('[^']*', '[^']*', \/.*?\/[a-z]*, )'[^']*'/g, "$1''")
        // Table 4's English group and outcome names (the third item of each tuple).
        .replace(/(\['[a-z_]+', '[^']*', )'[a-z ]+'/g, "$1''");
    },
  };
}

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// The extension only ever runs on *.gov.cn pages and talks to nothing on the network.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The content script runs on every .gov.cn page, so it must stay small (≤ 25 KB gzipped). It only
    // needs runtime.sendMessage/onMessage, which are promise-based natively in MV3 Chrome and in Firefox
    // (its onMessage listener uses sendResponse, which works everywhere), so it gets WXT's plain
    // `browser` (globalThis.browser ?? chrome) instead of the polyfill. Background and popup keep it.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      config.plugins = [dropDictionaryMeanings(), ...(config.plugins ?? [])];
      const alias = (config.resolve ??= {}).alias;
      if (alias && !Array.isArray(alias)) (alias as Record<string, string>)['wxt/browser'] = require.resolve('@wxt-dev/browser');
    },
  },
  manifest: ({ browser }) => ({
    name: '年报核对 Nianbao Check',
    description: '在政府网站上直接核对政府信息公开工作年度报告的表格数字，并一键导出 JSON/CSV。',
    permissions: ['activeTab'],
    // Drawn by scripts/draw-icons.ts (public/icon/ is copied into the build as is).
    icons: ICONS,
    action: { default_title: '年报核对', default_icon: ICONS },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'nianbao-check@example.org',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
