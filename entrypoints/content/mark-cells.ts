import type { AuditResult } from '@/lib/audit.ts';
import type { Finding } from '@/lib/schema.ts';
import { t } from '@/components/i18n.ts';
import { findingText } from '@/components/finding-text.ts';
import { cellKey, planMarks, type CellRole } from '@/lib/mark-plan.ts';

// Marks the page's own cells in place. We only add attributes (never touch text, never move layout:
// the look comes from page-style.ts, outline + inset box-shadow only). Cells that reconcile are left alone.
// The one exception: a page's own inline `!important` outline/box-shadow/animation/transition on a marked
// cell, which beats any stylesheet (ours included) and would hide the mark. Those declarations are
// stepped aside while the cell is marked, and clearMarks puts the page's style attribute back as it was.

/** A sum's printed total (and any error that has no total): the strong mark. */
export const ERROR_ATTR = 'data-nianbao-finding';
/** A non-zero figure involved in a failed relation: a light mark. */
export const INVOLVED_ATTR = 'data-nianbao-involved';
/** A cell two or more failed relations have in common: the most likely wrong number. */
export const CULPRIT_ATTR = 'data-nianbao-culprit';
export const WARNING_ATTR = 'data-nianbao-warning';
/** Set by us when we made a cell focusable, so we know the page's own tabindex is not ours. */
export const OWN_TABINDEX_ATTR = 'data-nianbao-tabindex';

const ATTRS = [CULPRIT_ATTR, ERROR_ATTR, INVOLVED_ATTR, WARNING_ATTR];
const ROLE_ATTR: Record<CellRole, string> = { total: ERROR_ATTR, part: INVOLVED_ATTR, warning: WARNING_ATTR };
export const MARKED_SELECTOR = ATTRS.map((a) => `[${a}]`).join(',');

export interface Marks {
  /** The one element that stands for each finding: its tab stop and "show me" target (may be unmarked). */
  main: Map<string, Element>;
  findings: Map<string, Finding>;
}

/** Inline declarations that would hide a mark (longhands included). None of them moves the layout. */
const CONTESTED = /^(outline|box-shadow|transition|animation)/;
/** The page's own style attribute of each cell we had to touch (null: it had none). */
const pageInlineStyle = new WeakMap<Element, string | null>();

function yieldInlineStyle(el: Element): void {
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  if (!style) return;
  const contested: string[] = [];
  for (let i = 0; i < style.length; i++) {
    const prop = style.item(i);
    if (CONTESTED.test(prop) && style.getPropertyPriority(prop) === 'important') contested.push(prop);
  }
  if (!contested.length) return;
  if (!pageInlineStyle.has(el)) pageInlineStyle.set(el, el.getAttribute('style'));
  for (const prop of contested) style.removeProperty(prop);
}

function restoreInlineStyle(el: Element): void {
  if (!pageInlineStyle.has(el)) return;
  const original = pageInlineStyle.get(el) ?? null;
  if (original === null) el.removeAttribute('style');
  else el.setAttribute('style', original);
  pageInlineStyle.delete(el);
}

function addToken(el: Element, attr: string, token: string): void {
  const tokens = (el.getAttribute(attr) ?? '').split(' ').filter(Boolean);
  if (!tokens.includes(token)) tokens.push(token);
  el.setAttribute(attr, tokens.join(' '));
}

/** The sentence a culprit cell adds to its explanation. */
export function culpritNote(count: number): string {
  return count === 2 ? t('culpritTwo') : t('culpritMany', count);
}

/**
 * Mark the cells lib/mark-plan.ts chose: a sum's printed total solid red, its non-zero parts lightly,
 * a cell where failed relations cross as the culprit, warnings dashed amber. One tab stop per finding.
 */
export function markFindings(result: AuditResult): Marks {
  const marks: Marks = { main: new Map(), findings: new Map() };
  const plan = planMarks(result.report);
  const explain = new Map<Element, string[]>();
  for (const { finding, cells, main } of plan.findings) {
    marks.findings.set(finding.id, finding);
    if (!finding.table) continue;
    const mainEl = main && result.elementFor(finding.table, main);
    if (mainEl) marks.main.set(finding.id, mainEl);
    for (const { ref, role } of cells) {
      const el = result.elementFor(finding.table, ref);
      if (!el) continue;
      addToken(el, ROLE_ATTR[role], finding.id);
      const culprit = finding.severity === 'error' ? plan.culprits.get(cellKey(finding.table, ref)) : undefined;
      if (culprit) addToken(el, CULPRIT_ATTR, finding.id);
      yieldInlineStyle(el);
      const lines = explain.get(el) ?? [];
      if (culprit && !lines.length) lines.push(culpritNote(culprit.length));
      // A row printed on one line is one element for all its cells: each finding is said once.
      const text = findingText(finding);
      if (!lines.includes(text)) lines.push(text);
      explain.set(el, lines);
    }
    // Hover reaches every marked cell; the keyboard reaches each finding once, at its main cell.
    if (mainEl && cells.length && !mainEl.hasAttribute('tabindex')) {
      mainEl.setAttribute('tabindex', '0');
      mainEl.setAttribute(OWN_TABINDEX_ATTR, '');
    }
  }
  // Screen readers get the explanation too (the visual tooltip lives in a shadow root they can't link to).
  for (const [el, lines] of explain) el.setAttribute('aria-description', lines.join(t('listSeparator')));
  return marks;
}

/** Marks turned off in the options: each finding's main cell still known (for "show me"), nothing touched. */
export function unmarkedFindings(result: AuditResult): Marks {
  const marks: Marks = { main: new Map(), findings: new Map() };
  for (const { finding, main } of planMarks(result.report).findings) {
    marks.findings.set(finding.id, finding);
    const mainEl = finding.table && main && result.elementFor(finding.table, main);
    if (mainEl) marks.main.set(finding.id, mainEl);
  }
  return marks;
}

/** The findings a marked element belongs to, errors first. */
export function findingsOf(el: Element, marks: Marks): Finding[] {
  const ids = [ERROR_ATTR, INVOLVED_ATTR, WARNING_ATTR].flatMap((a) => (el.getAttribute(a) ?? '').split(' ')).filter(Boolean);
  const found = [...new Set(ids)].map((id) => marks.findings.get(id)).filter((f): f is Finding => f !== undefined);
  // Errors first, whatever the cell's role in them (the sort is stable).
  return found.sort((a, b) => +(a.severity !== 'error') - +(b.severity !== 'error'));
}

/** The nearest marked element at or above `target` (events may start on a <span> inside a cell). */
export function markedAncestor(target: EventTarget | null): Element | null {
  if (!target || !(target as Element).closest) return null;
  return (target as Element).closest(MARKED_SELECTOR);
}

/** Undo everything markFindings did (used when the extension is reloaded or disabled). */
export function clearMarks(doc: Document): void {
  for (const el of doc.querySelectorAll(MARKED_SELECTOR)) {
    for (const attr of ATTRS) el.removeAttribute(attr);
    el.removeAttribute('aria-description');
    restoreInlineStyle(el);
    if (el.hasAttribute(OWN_TABINDEX_ATTR)) {
      el.removeAttribute('tabindex');
      el.removeAttribute(OWN_TABINDEX_ATTR);
    }
  }
}
