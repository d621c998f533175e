import type { AuditResult } from '@/lib/audit.ts';
import type { Finding } from '@/lib/schema.ts';
import { BLANK_CELLS_RULE } from '@/lib/checks/blank-cells.ts';

// Marks the page's own cells in place. We only add attributes (never touch text, never move layout:
// the look comes from page-style.ts, outline + inset box-shadow only). Cells that reconcile are left alone.
// The one exception: a page's own inline `!important` outline/box-shadow/animation/transition on a marked
// cell, which beats any stylesheet (ours included) and would hide the mark. Those declarations are
// stepped aside while the cell is marked, and clearMarks puts the page's style attribute back as it was.

export const ERROR_ATTR = 'data-nianbao-finding';
export const WARNING_ATTR = 'data-nianbao-warning';
/** Set by us when we made a cell focusable, so we know the page's own tabindex is not ours. */
export const OWN_TABINDEX_ATTR = 'data-nianbao-tabindex';

export interface Marks {
  /** The page elements of each finding, in the order of its cells (duplicates removed). */
  elements: Map<string, Element[]>;
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

/** Mark every cell of every finding: errors solid red, warnings dashed amber; all keyboard-focusable. */
export function markFindings(result: AuditResult): Marks {
  const marks: Marks = { elements: new Map(), findings: new Map() };
  for (const finding of result.report.findings) {
    marks.findings.set(finding.id, finding);
    // The blank-cells note lists every blank cell of a table: a reading aid, not a problem with each cell.
    if (finding.rule === BLANK_CELLS_RULE) continue;
    const elements: Element[] = [];
    for (const ref of finding.cells) {
      const el = result.elementFor(finding.table, ref);
      if (el && !elements.includes(el)) elements.push(el);
    }
    marks.elements.set(finding.id, elements);
    const attr = finding.severity === 'error' ? ERROR_ATTR : WARNING_ATTR;
    for (const el of elements) {
      addToken(el, attr, finding.id);
      yieldInlineStyle(el);
      // Hover is not enough: a keyboard user reaches the explanation by tabbing to the cell.
      if (!el.hasAttribute('tabindex')) {
        el.setAttribute('tabindex', '0');
        el.setAttribute(OWN_TABINDEX_ATTR, '');
      }
    }
  }
  // Screen readers get the explanation too (the visual tooltip lives in a shadow root they can't link to).
  for (const [id, elements] of marks.elements) {
    const message = marks.findings.get(id)?.message ?? '';
    for (const el of elements) {
      const prev = el.getAttribute('aria-description');
      el.setAttribute('aria-description', prev ? `${prev}；${message}` : message);
    }
  }
  return marks;
}

/** The findings a marked element belongs to, errors first. */
export function findingsOf(el: Element, marks: Marks): Finding[] {
  const ids = [
    ...(el.getAttribute(ERROR_ATTR) ?? '').split(' '),
    ...(el.getAttribute(WARNING_ATTR) ?? '').split(' '),
  ].filter(Boolean);
  return ids.map((id) => marks.findings.get(id)).filter((f): f is Finding => f !== undefined);
}

/** The nearest marked element at or above `target` (events may start on a <span> inside a cell). */
export function markedAncestor(target: EventTarget | null): Element | null {
  if (!target || !(target as Element).closest) return null;
  return (target as Element).closest(`[${ERROR_ATTR}],[${WARNING_ATTR}]`);
}

/** Undo everything markFindings did (used when the extension is reloaded or disabled). */
export function clearMarks(doc: Document): void {
  for (const el of doc.querySelectorAll(`[${ERROR_ATTR}],[${WARNING_ATTR}]`)) {
    el.removeAttribute(ERROR_ATTR);
    el.removeAttribute(WARNING_ATTR);
    el.removeAttribute('aria-description');
    restoreInlineStyle(el);
    if (el.hasAttribute(OWN_TABINDEX_ATTR)) {
      el.removeAttribute('tabindex');
      el.removeAttribute(OWN_TABINDEX_ATTR);
    }
  }
}
