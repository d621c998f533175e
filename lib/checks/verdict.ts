/**
 * The one verdict the banner and the popup both show, and which findings block it. Types only from the
 * schema: this runs in the content script, where zod must not go.
 *
 * Green ("全部核对一致") is a claim a reporter can print, so it needs all of:
 *  - no error;
 *  - no gap: no relation we meant to check and could not (a cell unreadable, a row, column or group not
 *    read — listed in coverage.notCheckable), no `layout` finding (a number on the page we could not
 *    place), and no warning of a rule this file does not know (unknown means "not known to be harmless");
 *  - at least one relation checked.
 * Notes are shown but never block green: `blank_cells` (blanks read as 0, said once per table),
 * `plausibility` (a value no count can be; the relations still hold), the loose expectations
 * (`table2.expectation`, `legacy.at_most`), and a hard relation's own warnings that are not gaps — a total
 * the report left blank, or parts the report does not print per column: there is no printed figure left
 * unchecked in those.
 */
import type { Coverage, Finding } from '../schema.ts';
import { ruleInfo, rulesOfKind } from './catalog.ts';

/** From the rule catalog: rules whose warnings are notes, and hard relations (see lib/checks/rule-info.ts). */
const NOTE_RULES = rulesOfKind('note');
const RELATION_RULES = rulesOfKind('relation');

export interface Verdict {
  kind: 'errors' | 'gaps' | 'unchecked' | 'clean';
  headline: string;
  /** What was covered, always said: "已核对 N 项关系，读取 M 个数字". */
  covered: string;
  errors: Finding[];
  /** Warnings that say what could not be checked. */
  gaps: Finding[];
  notes: Finding[];
  /** The text against the tables (prose.*): their own group, never gaps, never 数据不一致. */
  prose: Finding[];
  /** The report's form (form.*): their own group 形式. */
  form: Finding[];
}

const scopeOf = (f: Finding) => ruleInfo(f.rule)?.scope;
const isWholeReport = (f: Finding) => scopeOf(f) === 'prose' || scopeOf(f) === 'form';

export function verdictOf(findings: Finding[], coverage: Coverage): Verdict {
  const gapIds = new Set(coverage.notCheckable.map((n) => n.findingId));
  const isNote = (f: Finding) => !gapIds.has(f.id) && (NOTE_RULES.has(f.rule) || RELATION_RULES.has(f.rule));
  const errors = findings.filter((f) => f.severity === 'error' && !isWholeReport(f));
  const gaps = findings.filter((f) => f.severity === 'warning' && !isNote(f) && !isWholeReport(f));
  const notes = findings.filter((f) => f.severity === 'warning' && isNote(f) && !isWholeReport(f));
  const covered = `已核对 ${coverage.relationsChecked} 项关系，读取 ${coverage.numbersRead} 个数字`;
  const [kind, headline]: [Verdict['kind'], string] = errors.length
    ? ['errors', `本报告有 ${errors.length} 处数据不一致${gaps.length ? `，另有 ${gaps.length} 项未能核对` : ''}`]
    : gaps.length
      ? ['gaps', `未发现不一致，但有 ${gaps.length} 项未能核对`]
      : coverage.relationsChecked === 0
        ? ['unchecked', '没有可核对的表内关系']
        : ['clean', `本报告表格数据全部核对一致 · ${covered}`];
  const prose = findings.filter((f) => scopeOf(f) === 'prose');
  const form = findings.filter((f) => scopeOf(f) === 'form');
  return { kind, headline, covered, errors, gaps, notes, prose, form };
}
