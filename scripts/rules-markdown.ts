import { RULES } from '../lib/checks/catalog.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The README's "What it checks" table, generated from the rule catalog (lib/checks/catalog.ts). */
export function rulesMarkdown(): string {
  return [
    '| rule | name | what is checked, with an example | severity | scope |',
    '|---|---|---|---|---|',
    ...RULES.map((r) => `| \`${r.id}\` | ${r.name.zh} · ${cell(r.name.en)} | ${cell(r.explain.en)} | ${r.severity} | ${r.scope} |`),
    '',
  ].join('\n');
}

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

/** The README text with its rule table replaced by the generated one. */
export function withRules(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README has no ${START} … ${END} section`);
  return `${readme.slice(0, a + START.length)}\n${rulesMarkdown()}${readme.slice(b)}`;
}
