import { REPORT_TABLES, type ReportTable } from '../lib/tables/index.ts';
import type { KeyDef } from '../lib/tables/dictionary.ts';
import { MEANINGS } from '../lib/tables/dictionary-meanings.ts';

function meaningOf(meanings: Record<string, string>, key: string): string {
  const meaning = meanings[key];
  if (!meaning) throw new Error(`lib/tables/dictionary-meanings.ts has no meaning for \`${key}\``);
  return meaning;
}

const section = (title: string, defs: KeyDef[], meanings: Record<string, string>) =>
  [`#### ${title}`, '', '| key | 标签 | formats | meaning |', '|---|---|---|---|', ...defs.map((d) => `| \`${d.key}\` | ${d.label} | ${d.formats.join(', ')} | ${meaningOf(meanings, d.key)} |`), ''].join('\n');

/** A merged column group as a dictionary line: its formats are those of the columns it covers. */
function groupDef(table: ReportTable, group: ReportTable['groups'][number]): KeyDef {
  const formats = [...new Set(table.columns.filter((c) => group.covers.includes(c.key)).flatMap((c) => c.formats))];
  return { key: group.key, label: `${group.label}（合并单元格）`, formats, pattern: /$^/ };
}

/** The README's data dictionary, generated from the report tables (lib/tables/) so the two never disagree. */
export function dictionaryMarkdown(): string {
  return REPORT_TABLES.flatMap((t) => {
    const { name, columnsNote = '' } = t.docs;
    const meanings = MEANINGS[t.key];
    return [
      section(`${name} columns (\`${t.key}\`${columnsNote})`, [...t.columns, ...t.groups.map((g) => groupDef(t, g))], meanings.columns),
      ...(t.rows.length ? [section(`${name} rows`, t.rows, meanings.rows)] : []),
    ];
  }).join('\n');
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
