import { LEGACY_COLUMNS, LEGACY_ROWS, TABLE2_COLUMNS, TABLE2_ROWS, TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_COLUMNS, type KeyDef } from '../lib/tables/dictionary.ts';
import { MEANINGS } from '../lib/tables/dictionary-meanings.ts';

function meaningOf(meanings: Record<string, string>, key: string): string {
  const meaning = meanings[key];
  if (!meaning) throw new Error(`lib/tables/dictionary-meanings.ts has no meaning for \`${key}\``);
  return meaning;
}

/** The README's data dictionary, generated from lib/tables/dictionary.ts so the two never disagree. */
export function dictionaryMarkdown(): string {
  const section = (title: string, defs: KeyDef[], meanings: Record<string, string>) =>
    [`#### ${title}`, '', '| key | 标签 | formats | meaning |', '|---|---|---|---|', ...defs.map((d) => `| \`${d.key}\` | ${d.label} | ${d.formats.join(', ')} | ${meaningOf(meanings, d.key)} |`), ''].join('\n');
  const groups: KeyDef[] = [{ key: 'legal_person', label: '法人或其他组织（合并单元格）', formats: ['2019', '2021'], pattern: /$^/ }];
  const groupMeanings = { legal_person: 'one value written across the five legal-person columns; `covers` lists them' };
  return [
    section('Table 3 columns (`table3`)', [...TABLE3_COLUMNS, ...groups], { ...MEANINGS.TABLE3_COLUMNS, ...groupMeanings }),
    section('Table 3 rows', TABLE3_ROWS, MEANINGS.TABLE3_ROWS),
    section('Table 4 columns (`table4`, row `count`)', TABLE4_COLUMNS, MEANINGS.TABLE4_COLUMNS),
    section('Table 2 columns (`table2`)', TABLE2_COLUMNS, MEANINGS.TABLE2_COLUMNS),
    section('Table 2 rows', TABLE2_ROWS, MEANINGS.TABLE2_ROWS),
    section('Legacy 统计表 columns (`legacy`)', LEGACY_COLUMNS, MEANINGS.LEGACY_COLUMNS),
    section('Legacy 统计表 rows', LEGACY_ROWS, MEANINGS.LEGACY_ROWS),
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
