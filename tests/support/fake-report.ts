import type { AuditResult } from '@/lib/audit.ts';
import { SCHEMA_VERSION, type Cell, type Coverage, type Finding, type Report, type TableKey } from '@/lib/schema.ts';

// A small hand-made report + page for adapter tests that must not depend on the real audit core.

export function finding(partial: Partial<Finding> & Pick<Finding, 'id'>): Finding {
  return {
    rule: 'table3.row_total',
    severity: 'error',
    message: '本年新收：总计 0 ≠ 自然人 1 + 商业企业 6 = 7',
    table: 'table3',
    cells: [],
    expected: 7,
    actual: 0,
    ...partial,
  };
}

export function fakeReport(findings: Finding[] = [], cells: Cell[] = [], coverage: Partial<Coverage> = {}): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { title: '某区2021年政府信息公开工作年度报告', url: 'http://www.example.gov.cn/a.html' },
    agency: '某区人民政府',
    year: 2021,
    publishedAt: null,
    format: '2021',
    evidence: {},
    tables: { table3: { rowLabels: {}, colLabels: {}, cells } },
    findings,
    coverage: { relationsChecked: 1, numbersRead: cells.filter((c) => c.status === 'ok').length, cellsUnreadable: 0, notCheckable: [], ...coverage },
  };
}

/**
 * Writes a table whose cells carry data-row/data-col, and an AuditResult whose elementFor finds them
 * (table3 only). Returns the result; the table is the first <table> in document.body.
 */
export function pageWithTable(
  doc: Document,
  rows: string[],
  cols: string[],
  findings: Finding[],
  tableKey: TableKey = 'table3',
): AuditResult {
  const body = rows
    .map((r, i) => `<tr><th>${r}</th>${cols.map((c, j) => `<td data-row="${r}" data-col="${c}">${i * 10 + j}</td>`).join('')}</tr>`)
    .join('');
  doc.body.innerHTML = `<h1>报告</h1><p>正文</p><table id="t3"><tbody>${body}</tbody></table>`;
  const cells: Cell[] = rows.flatMap((row) =>
    cols.map((col) => ({ row, col, value: 1, raw: '1', status: 'ok' as const })),
  );
  const report = fakeReport(findings, cells);
  if (tableKey !== 'table3') {
    report.tables = { [tableKey]: report.tables.table3 };
  }
  return {
    report,
    elementFor: (table, ref) =>
      table === tableKey ? (doc.querySelector(`td[data-row="${ref.row}"][data-col="${ref.col}"]`) ?? undefined) : undefined,
  };
}
