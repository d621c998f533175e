import { LEGACY_COLUMNS, LEGACY_ROWS, TABLE2_COLUMNS, TABLE2_ROWS, TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_COLUMNS, type KeyDef } from '../lib/dictionary.ts';

/** The README's data dictionary, generated from lib/dictionary.ts so the two never disagree. */
export function dictionaryMarkdown(): string {
  const section = (title: string, defs: KeyDef[]) =>
    [`#### ${title}`, '', '| key | 标签 | formats | meaning |', '|---|---|---|---|', ...defs.map((d) => `| \`${d.key}\` | ${d.label} | ${d.formats.join(', ')} | ${d.meaning} |`), ''].join('\n');
  const groups: KeyDef[] = [
    { key: 'legal_person', label: '法人或其他组织（合并单元格）', formats: ['2019', '2021'], meaning: 'one value written across the five legal-person columns; `covers` lists them', pattern: /$^/ },
  ];
  return [
    section('Table 3 columns (`table3`)', [...TABLE3_COLUMNS, ...groups]),
    section('Table 3 rows', TABLE3_ROWS),
    section('Table 4 columns (`table4`, row `count`)', TABLE4_COLUMNS),
    section('Table 2 columns (`table2`)', TABLE2_COLUMNS),
    section('Table 2 rows', TABLE2_ROWS),
    section('Legacy 统计表 columns (`legacy`)', LEGACY_COLUMNS),
    section('Legacy 统计表 rows', LEGACY_ROWS),
  ].join('\n');
}

const START = '<!-- dictionary:start -->';
const END = '<!-- dictionary:end -->';

/** The README text with its dictionary section replaced by the generated one. */
export function withDictionary(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README has no ${START} … ${END} section`);
  return `${readme.slice(0, a + START.length)}\n${dictionaryMarkdown()}${readme.slice(b)}`;
}
