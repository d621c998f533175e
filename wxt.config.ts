import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

const require = createRequire(import.meta.url);

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
      const alias = (config.resolve ??= {}).alias;
      if (alias && !Array.isArray(alias)) (alias as Record<string, string>)['wxt/browser'] = require.resolve('@wxt-dev/browser');
    },
  },
  manifest: ({ browser }) => ({
    name: '年报核对 Nianbao Check',
    description: '在政府网站上直接核对政府信息公开工作年度报告的表格数字，并一键导出 JSON/CSV。',
    permissions: ['activeTab'],
    action: { default_title: '年报核对' },
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
