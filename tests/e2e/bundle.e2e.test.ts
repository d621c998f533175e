import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXT_DIR } from './harness.ts';

// The built extension (what `npm test` just built): a small content script on every .gov.cn page, the
// auditor it loads on report pages only, a minimal manifest.

const read = (file: string) => fs.readFileSync(path.join(EXT_DIR, file));
const manifest = JSON.parse(read('manifest.json').toString('utf8'));

describe('built extension', () => {
  it('content script: ≤ 25 KB gzipped, and neither it nor the auditor carries zod (validation happens in the popup)', () => {
    const js = read('content-scripts/content.js');
    const gz = zlib.gzipSync(js, { level: 9 }).length;
    expect(gz, `content.js is ${gz} bytes gzipped`).toBeLessThanOrEqual(25 * 1024);
    // The parser, checks and UI are the auditor's: the first stage must not have pulled them in.
    expect(js.toString('utf8')).not.toMatch(/予以公开|attachShadow/);
    for (const file of ['content-scripts/content.js', 'auditor.js']) expect(read(file).toString('utf8'), file).not.toMatch(/ZodError|\$ZodType/);
    // Nor the XLSX writer (write-excel-file, fflate): the popup's alone.
    for (const file of ['content-scripts/content.js', 'auditor.js']) expect(read(file).toString('utf8'), file).not.toMatch(/xl\/workbook\.xml|spreadsheetml/);
    // Nor the attachment readers (pdf.js, the .docx reader): the attachment page's alone.
    for (const file of ['content-scripts/content.js', 'auditor.js']) expect(read(file).toString('utf8'), file).not.toMatch(/GlobalWorkerOptions|word\/document\.xml/);
  });

  it('ships the JSON Schema the exports name, as generated from the model', () => {
    expect(read('schema/report.schema.json').toString('utf8')).toBe(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'public', 'schema', 'report.schema.json'), 'utf8'));
  });

  it('manifest: no host granted at install, .gov.cn content script in all frames, only the auditor web-accessible (to .gov.cn, dynamic URL)', () => {
    expect(manifest.permissions).toEqual([
      // The popup reads the tab the reader is looking at.
      'activeTab',
      // The reader's library (every report read, with its review marks) and settings in storage.local, the
      // per-tab reports in storage.session; unlimitedStorage: many agencies and years outgrow storage.local's 10 MB.
      'storage',
      'unlimitedStorage',
      // Registering the content script on the places the reader adds in the options page, and loading the
      // auditor into those pages (off .gov.cn it is not web-accessible).
      'scripting',
    ]);
    // Nothing beyond the .gov.cn content script at install: every other host is asked for when the reader
    // turns it on in the options page — the archive, one mirror host they type (hence the wildcard: the
    // request itself names one host), local files.
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['*://web.archive.org/*', '*://*/*', 'file:///*']);
    // The evidence pack's MHTML copy of the page, asked for at the click.
    expect(manifest.optional_permissions).toEqual(['pageCapture']);
    // The settings page, in a tab of its own.
    expect(manifest.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
    // The help page is an extension page of its own (linked from the banner, the popup and the options page).
    expect(fs.existsSync(path.join(EXT_DIR, 'help.html'))).toBe(true);
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['auditor.js'], matches: ['*://*.gov.cn/*'], use_dynamic_url: true }]);
    expect(manifest.content_scripts).toEqual([
      { matches: ['*://*.gov.cn/*'], all_frames: true, run_at: 'document_idle', js: ['content-scripts/content.js'] },
    ]);
  });

  it('manifest: name, description and button title from _locales (Chinese by default, and English)', () => {
    expect(manifest.default_locale).toBe('zh_CN');
    expect([manifest.name, manifest.description, manifest.action.default_title]).toEqual(['__MSG_extName__', '__MSG_extDescription__', '__MSG_appName__']);
    const zh = JSON.parse(read('_locales/zh_CN/messages.json').toString('utf8'));
    const en = JSON.parse(read('_locales/en/messages.json').toString('utf8'));
    expect(zh.extName.message).toBe('年报核对 Nianbao Check');
    expect(zh.appName.message).toBe('年报核对');
    expect(en.appName.message).toBe('Nianbao Check');
    // The strings are the auditor's and the pages', never the content script's (it runs on every .gov.cn page).
    expect(read('content-scripts/content.js').toString('utf8')).not.toContain(en.badgeClean.message);
    expect(read('auditor.js').toString('utf8')).toContain(en.bannerRegion.message);
  });

  it('toolbar icons: 16, 32, 48 and 128 px PNGs, named by the manifest for the extension and its button', () => {
    const icons = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };
    expect(manifest.icons).toEqual(icons);
    expect(manifest.action.default_icon).toEqual(icons);
    for (const [size, file] of Object.entries(icons)) {
      const png = read(file);
      expect(png.subarray(1, 4).toString('latin1'), file).toBe('PNG');
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([Number(size), Number(size)]);
    }
  });

  it('no code that could reach the network in the content script, the auditor or the background', () => {
    for (const file of ['content-scripts/content.js', 'auditor.js', 'background.js']) {
      const code = read(file).toString('utf8');
      expect(code, file).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource/);
    }
  });

  it('pdf.js’s CMaps and standard fonts: copied from pdfjs-dist under pdfjs/, for the attachment page alone, not web-accessible', () => {
    const pdfjsDist = path.join(import.meta.dirname, '..', '..', 'node_modules', 'pdfjs-dist');
    for (const folder of ['cmaps', 'standard_fonts']) {
      const names = fs.readdirSync(path.join(pdfjsDist, folder));
      expect(fs.readdirSync(path.join(EXT_DIR, 'pdfjs', folder)).sort()).toEqual(names.sort());
    }
    // The CMap of the Chinese fonts most PDFs name without embedding them, byte for byte.
    expect(read('pdfjs/cmaps/UniGB-UCS2-H.bcmap').equals(fs.readFileSync(path.join(pdfjsDist, 'cmaps', 'UniGB-UCS2-H.bcmap')))).toBe(true);
    for (const file of ['content-scripts/content.js', 'auditor.js', 'background.js']) expect(read(file).toString('utf8'), file).not.toMatch(/pdfjs\/cmaps|standard_fonts/);
    expect(JSON.stringify(manifest.web_accessible_resources)).not.toMatch(/pdfjs/);
  });
});
