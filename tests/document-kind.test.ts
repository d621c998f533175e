import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_ADVICE, documentKind, documentKindByName } from '../lib/document-kind.ts';

const DOCUMENTS = join(import.meta.dirname, 'documents');

describe('documentKind (by the first bytes)', () => {
  it('knows the test documents whatever their name says', () => {
    expect(documentKind(readFileSync(join(DOCUMENTS, 'clean-2021.pdf')).subarray(0, 4096), 'x.bin')).toBe('PDF');
    expect(documentKind(readFileSync(join(DOCUMENTS, 'clean-2021.docx')).subarray(0, 65536), 'x.bin')).toBe('Word');
  });

  it('an OLE file is a .wps, an Excel or an old .doc by its name', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(documentKind(ole, 'a/REPORT.WPS')).toBe('WPS');
    expect(documentKind(ole, 'report.xls')).toBe('Excel');
    expect(documentKind(ole, 'report.doc')).toBe('LegacyWord');
  });

  it('a web page is no document', () => {
    expect(documentKind(new TextEncoder().encode('<html><body>%PDF-1.4</body></html>'), 'x.pdf')).toBeNull();
  });
});

describe('documentKindByName (before fetching)', () => {
  it('reads the extension of the address, also as a download script parameter, else of the link text', () => {
    expect(documentKindByName('http://a.gov.cn/module/download/downfile.jsp?classid=0&filename=2401301536.pdf')).toBe('PDF');
    expect(documentKindByName('http://a.gov.cn/u/cms/30153612abcd.docx')).toBe('Word');
    expect(documentKindByName('http://a.gov.cn/u/1.Doc#page=2')).toBe('LegacyWord');
    expect(documentKindByName('http://a.gov.cn/download?id=7', '2023年年报.wps')).toBe('WPS');
    expect(documentKindByName('http://a.gov.cn/download?id=7', '年报')).toBeNull();
  });

  it('every kind that cannot be read has its sentence, naming the format', () => {
    expect(DOCUMENT_ADVICE[documentKindByName('x.ofd') as 'OFD']).toMatch(/OFD/);
    expect(DOCUMENT_ADVICE[documentKindByName('x.doc') as 'LegacyWord']).toMatch(/\.doc/);
  });
});
