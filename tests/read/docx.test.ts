// A Word table read with Word's own merges: gridSpan, gridBefore and vMerge restart/continue become the
// same grid the HTML path builds, with each value's Word table, row and grid column kept.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTables } from '../../lib/read/table-rows.ts';
import { DocxError, readDocx } from '../../lib/read/docx.ts';
import { nodeDocument } from '../support/audit-html.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(text)}</w:tc>`;
const span = (n: number) => `<w:gridSpan w:val="${n}"/>`;
const restart = '<w:vMerge w:val="restart"/>';
const cont = '<w:vMerge/>';

function docx(body: string, title = ''): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
    'docProps/core.xml': strToU8(`<cp:coreProperties xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${title}</dc:title></cp:coreProperties>`),
  });
}

/** The grid as the page pipeline reads it: per row, each cell's text@column. */
function gridOf(bytes: Uint8Array): string[][] {
  const doc = nodeDocument(readDocx(bytes).html);
  const { rows } = readTables(Array.from(doc.getElementsByTagName('table')));
  return rows.map((r) => r.cells.map((c) => `${c.text}@${c.c0}-${c.c1}`));
}

describe('readDocx', () => {
  it('lays vMerge restart/continue as rowspans and gridSpan as colspans', () => {
    const table =
      '<w:tbl><w:tblGrid/>' +
      `<w:tr>${tc('申请人情况', span(2) + restart)}${tc('自然人', restart)}${tc('法人', span(2))}</w:tr>` +
      `<w:tr>${tc('', span(2) + cont)}${tc('', cont)}${tc('商业企业')}${tc('科研机构')}</w:tr>` +
      `<w:tr>${tc('一、本年新收', span(2))}${tc('5')}${tc('1')}${tc('0')}</w:tr>` +
      '</w:tbl>';
    expect(gridOf(docx(table))).toEqual([
      ['申请人情况@0-2', '自然人@2-3', '法人@3-5'],
      ['申请人情况@0-2', '自然人@2-3', '商业企业@3-4', '科研机构@4-5'],
      ['一、本年新收@0-2', '5@2-3', '1@3-4', '0@4-5'],
    ]);
  });

  it('keeps the grid columns a row leaves out (gridBefore), and a continue with nothing above as its own cell', () => {
    const table =
      '<w:tbl>' +
      `<w:tr>${tc('a')}${tc('b')}${tc('c')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('x', cont)}${tc('y')}</w:tr>` +
      '</w:tbl>';
    expect(gridOf(docx(table))).toEqual([
      ['a@0-1', 'b@1-2', 'c@2-3'],
      ['@0-1', 'x@1-2', 'y@2-3'],
    ]);
  });

  it('reads what Word shows: no deleted, hidden or field-code text; tabs, breaks and split runs', () => {
    const body =
      '<w:p><w:r><w:t>12</w:t></w:r><w:del><w:r><w:delText>9</w:delText></w:r></w:del><w:r><w:t>3</w:t></w:r>' +
      '<w:r><w:rPr><w:vanish/></w:rPr><w:t>77</w:t></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
      '<w:r><w:tab/><w:t>a&amp;b</w:t><w:br/><w:t>c</w:t></w:r></w:p>';
    const read = readDocx(docx(body));
    expect(read.blocks).toEqual([{ kind: 'p', text: '123\ta&b\nc', heading: false, centred: false }]);
  });

  it('gives the title, headings and centred lines for the metadata, and the paragraphs as the article text', () => {
    const body = p('某县2021年政府信息公开工作年度报告', '<w:jc w:val="center"/>') + p('一、总体情况') + `<w:tbl><w:tr>${tc('表内')}</w:tr></w:tbl>` + p('二、其他');
    const read = readDocx(docx(body, '某县 &amp; 报告'));
    expect(read.title).toBe('某县 & 报告');
    expect(read.html).toContain('<p align="center">某县2021年政府信息公开工作年度报告</p>');
    expect(read.articleText).toBe('某县2021年政府信息公开工作年度报告\n一、总体情况\n二、其他');
  });

  it('numbers nested tables in document order, as the page pipeline numbers <table>s', () => {
    const body = `<w:tbl><w:tr><w:tc><w:tbl><w:tr>${tc('inner')}</w:tr></w:tbl>${p('')}</w:tc></w:tr></w:tbl><w:tbl><w:tr>${tc('second')}</w:tr></w:tbl>`;
    const doc = nodeDocument(readDocx(docx(body)).html);
    const texts = Array.from(doc.getElementsByTagName('table')).map((t) => t.getElementsByTagName('td')[0].textContent?.trim());
    expect(texts).toEqual(['inner', 'inner', 'second']);
  });

  it('says what is wrong with a file that is not a .docx', () => {
    expect(() => readDocx(strToU8('<html></html>'))).toThrow(DocxError);
    expect(() => readDocx(zipSync({ 'xl/workbook.xml': strToU8('<x/>') }))).toThrow('word/document.xml');
    expect(() => readDocx(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toThrow('损坏');
  });
});
