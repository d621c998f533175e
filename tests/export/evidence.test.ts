import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { evidenceFileName, evidenceManifest, evidenceZip } from '../../lib/export/evidence.ts';
import { fakeReport } from '../support/fake-report.ts';

describe('evidence pack', () => {
  it('names the zip by agency, year and the local date', () => {
    expect(evidenceFileName({ agency: '临溪县 市场监督管理局', year: 2022 }, new Date(2026, 0, 5, 23, 59))).toBe('临溪县_市场监督管理局-2022-证据-2026-01-05.zip');
    expect(evidenceFileName({ agency: null, year: null }, new Date(2026, 11, 1))).toBe('未知机关-未知年度-证据-2026-12-01.zip');
  });

  it('zips every file with a manifest whose SHA-256 and sizes match the files (checked with node:crypto)', async () => {
    const report = { ...fakeReport([], []), source: { title: 'T', url: 'http://www.linxi.gov.cn/a.html', archivedAt: 'https://web.archive.org/web/20230101000000/http://www.linxi.gov.cn/a.html' } };
    const files = [
      { name: 'page.mhtml', bytes: new TextEncoder().encode('MIME-Version: 1.0\r\n\r\nx'), what: '网页' },
      { name: 'table-1.png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), what: '截图' },
    ];
    const manifest = await evidenceManifest(report, files, new Date('2026-12-01T04:00:00Z'), '年报核对 0.1.0', ['n']);
    expect(manifest).toMatchObject({ url: report.source.url, archivedAt: report.source.archivedAt, title: 'T', savedAt: '2026-12-01T04:00:00.000Z', notes: ['n'] });
    const unzipped = unzipSync(evidenceZip(files, manifest));
    expect(Object.keys(unzipped).sort()).toEqual(['manifest.json', 'page.mhtml', 'table-1.png']);
    const read = JSON.parse(new TextDecoder().decode(unzipped['manifest.json']));
    expect(read.files.map((f: { name: string }) => f.name)).toEqual(['page.mhtml', 'table-1.png']);
    for (const f of read.files) {
      expect(f.sha256).toBe(createHash('sha256').update(unzipped[f.name]).digest('hex'));
      expect(f.bytes).toBe(unzipped[f.name].length);
    }
    expect(() => evidenceZip([files[0], files[0]], manifest)).toThrow(/duplicate/);
  });
});
