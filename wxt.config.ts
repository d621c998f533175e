import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The extension only ever runs on *.gov.cn pages and talks to nothing on the network.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
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
