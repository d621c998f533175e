/**
 * A light DOM for the CLI: a saved page parsed by htmlparser2's streaming Parser into plain objects that
 * offer only the DOM subset lib/ reads (tree walks, textContent, getAttribute, getElementsByTagName,
 * querySelector(All)/closest through css-select, document.head/body/title). linkedom builds the same tree
 * from the same Parser callbacks (linkedom/esm/shared/parse-from-string.js), but pays for a full DOM:
 * attribute nodes, a linked list of start and end markers, custom-element hooks. This tree is what the
 * audit needs and about as cheap as the tokenizer, and it must read every page exactly as linkedom does
 * (tests/read/light-dom.test.ts compares the reports on the fixtures, the corpus, the seeds and fuzz pages).
 *
 * linkedom's quirks are kept on purpose, since the CLI's reports must not change with the parser:
 * - document.head / document.body are created on first access when the root lacks them (linkedom's getters);
 * - elements inside <svg> are in the SVG namespace: selectors match them in XML mode;
 * - adjacent text is one node here (linkedom may keep several): textContent and every walk in lib/ read the same.
 */
import { Parser, Tokenizer } from 'htmlparser2';
import * as CSSselect from 'css-select';

const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;
const DOCUMENT = 9;

type Child = LightElement | LightText | LightComment;
type Parent = LightElement | LightDocument;

abstract class LightNode {
  abstract readonly nodeType: number;
  parentNode: Parent | null = null;
  previousSibling: Child | null = null;
  nextSibling: Child | null = null;

  get parentElement(): LightElement | null {
    return this.parentNode instanceof LightElement ? this.parentNode : null;
  }

  remove(): void {
    this.parentNode?.removeChild(this as unknown as Child);
  }

  /** This node or one inside it (the DOM's Node.contains). */
  contains(other: LightNode | null): boolean {
    for (let n: LightNode | null = other; n; n = n.parentNode) if (n === this) return true;
    return false;
  }

  /**
   * Where `other` stands from this node, as the DOM's bitmask: 2 preceding, 4 following, with 8 when it
   * contains this node and 16 when this node contains it (1 for nodes of different trees).
   */
  compareDocumentPosition(other: LightNode): number {
    if (other === this) return 0;
    const chain = (n: LightNode) => {
      const out: LightNode[] = [];
      for (let at: LightNode | null = n; at; at = at.parentNode) out.unshift(at);
      return out;
    };
    const mine = chain(this);
    const theirs = chain(other);
    if (mine[0] !== theirs[0]) return 1 | 32;
    let k = 0;
    while (k < mine.length && k < theirs.length && mine[k] === theirs[k]) k++;
    if (k === mine.length) return 16 | 4; // other is inside this node
    if (k === theirs.length) return 8 | 2; // other holds this node
    const siblings = (mine[k - 1] as LightParent).childNodes as LightNode[];
    return siblings.indexOf(theirs[k]) < siblings.indexOf(mine[k]) ? 2 : 4;
  }
}

class LightText extends LightNode {
  readonly nodeType = TEXT;
  nodeValue: string;
  constructor(value: string) {
    super();
    this.nodeValue = value;
  }
  get data() {
    return this.nodeValue;
  }
  get textContent() {
    return this.nodeValue;
  }
}

class LightComment extends LightNode {
  readonly nodeType = COMMENT;
  nodeValue: string;
  constructor(value: string) {
    super();
    this.nodeValue = value;
  }
  get textContent() {
    return this.nodeValue;
  }
}

abstract class LightParent extends LightNode {
  firstChild: Child | null = null;
  lastChild: Child | null = null;
  /** The children as an array, made when asked for (lib/ walks the sibling links; most nodes are never asked). */
  private childArray: Child[] | null = null;

  get childNodes(): Child[] {
    if (!this.childArray) {
      const out: Child[] = [];
      for (let n = this.firstChild; n; n = n.nextSibling) out.push(n);
      this.childArray = out;
    }
    return this.childArray;
  }

  appendChild(node: Child): Child {
    node.parentNode = this as unknown as Parent;
    node.previousSibling = this.lastChild;
    node.nextSibling = null;
    if (this.lastChild) this.lastChild.nextSibling = node;
    else this.firstChild = node;
    this.lastChild = node;
    this.childArray = null;
    return node;
  }

  insertBefore(node: Child, before: Child | null): Child {
    if (!before) return this.appendChild(node);
    node.parentNode = this as unknown as Parent;
    node.previousSibling = before.previousSibling;
    node.nextSibling = before;
    if (before.previousSibling) before.previousSibling.nextSibling = node;
    else this.firstChild = node;
    before.previousSibling = node;
    this.childArray = null;
    return node;
  }

  removeChild(node: Child): Child {
    if (node.previousSibling) node.previousSibling.nextSibling = node.nextSibling;
    else this.firstChild = node.nextSibling;
    if (node.nextSibling) node.nextSibling.previousSibling = node.previousSibling;
    else this.lastChild = node.previousSibling;
    this.childArray = null;
    node.parentNode = node.previousSibling = node.nextSibling = null;
    return node;
  }

  get firstElementChild(): LightElement | null {
    for (let n = this.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT) return n as LightElement;
    return null;
  }

  get children(): LightElement[] {
    const out: LightElement[] = [];
    for (let n = this.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT) out.push(n as LightElement);
    return out;
  }

  get textContent(): string {
    let out = '';
    const walk = (parent: LightParent) => {
      for (let n = parent.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === TEXT) out += (n as LightText).nodeValue;
        else if (n.nodeType === ELEMENT) walk(n as LightElement);
      }
    };
    walk(this);
    return out;
  }

  set textContent(text: string) {
    while (this.firstChild) this.removeChild(this.firstChild);
    if (text) this.appendChild(new LightText(text));
  }

  getElementsByTagName(name: string): LightElement[] {
    const out: LightElement[] = [];
    const walk = (parent: LightParent) => {
      for (let n = parent.firstChild; n; n = n.nextSibling) {
        if (n.nodeType !== ELEMENT) continue;
        const el = n as LightElement;
        if (el.localName === name) out.push(el);
        if (el.firstChild) walk(el);
      }
    };
    walk(this);
    return out;
  }

  querySelectorAll(selectors: string): LightElement[] {
    const out: LightElement[] = [];
    // Compiled once per call, not once per element.
    const test = matcher(selectors);
    const walk = (parent: LightParent) => {
      for (let n = parent.firstChild; n; n = n.nextSibling) {
        if (n.nodeType !== ELEMENT) continue;
        const el = n as LightElement;
        if (test(el)) out.push(el);
        if (el.firstChild) walk(el);
      }
    };
    walk(this);
    return out;
  }

  querySelector(selectors: string): LightElement | null {
    return this.querySelectorAll(selectors)[0] ?? null;
  }
}

export class LightElement extends LightParent {
  readonly nodeType = ELEMENT;
  readonly localName: string;
  readonly attributes: Record<string, string>;
  readonly ownerDocument: LightDocument;
  /** In the SVG namespace (under an <svg>): linkedom matches it in XML mode. */
  readonly svg: boolean;
  constructor(localName: string, attributes: Record<string, string>, ownerDocument: LightDocument, svg = false) {
    super();
    this.localName = localName;
    this.attributes = attributes;
    this.ownerDocument = ownerDocument;
    this.svg = svg;
  }

  get tagName(): string {
    return this.svg ? this.localName : this.localName.toUpperCase();
  }

  getAttribute(name: string): string | null {
    if (!Object.hasOwn(this.attributes, name)) return name === 'class' && !this.svg ? '' : null;
    return this.attributes[name];
  }

  hasAttribute(name: string): boolean {
    return Object.hasOwn(this.attributes, name);
  }

  hasAttributes(): boolean {
    for (const name in this.attributes) if (Object.hasOwn(this.attributes, name)) return true;
    return false;
  }

  get nextElementSibling(): LightElement | null {
    for (let n = this.nextSibling; n; n = n.nextSibling) if (n.nodeType === ELEMENT) return n as LightElement;
    return null;
  }

  matches(selectors: string): boolean {
    return matcher(selectors)(this);
  }

  closest(selectors: string): LightElement | null {
    const test = matcher(selectors);
    for (let el: LightElement | null = this; el; el = el.parentElement) if (test(el)) return el;
    return null;
  }

  prepend(node: Child): void {
    this.insertBefore(node, this.firstChild);
  }

  after(node: Child): void {
    this.parentNode?.insertBefore(node, this.nextSibling);
  }
}

export class LightDocument extends LightParent {
  readonly nodeType = DOCUMENT;
  readonly defaultView = null;

  createElement(name: string): LightElement {
    return new LightElement(name, {}, this);
  }

  get documentElement(): LightElement | null {
    return this.firstElementChild;
  }

  /** As linkedom: the root's first element if it is a <head>, else a new one put first. */
  get head(): LightElement {
    const root = this.documentElement!;
    let head = root.firstElementChild;
    if (!head || head.tagName !== 'HEAD') {
      head = this.createElement('head');
      root.prepend(head);
    }
    return head;
  }

  /** As linkedom: the element after <head> if it is a <body>, else a new one put there. */
  get body(): LightElement {
    const head = this.head;
    let body = head.nextElementSibling;
    if (!body || body.tagName !== 'BODY') {
      body = this.createElement('body');
      head.after(body);
    }
    return body;
  }

  get title(): string {
    return this.head.getElementsByTagName('title')[0]?.textContent || '';
  }

  set title(text: string) {
    const head = this.head;
    let title = head.getElementsByTagName('title')[0];
    if (!title) title = head.insertBefore(this.createElement('title'), head.firstChild) as LightElement;
    title.textContent = text;
  }
}

// ---------------------------------------------------------------- selectors (css-select, as linkedom)

const isTag = (n: unknown): n is LightElement => (n as LightNode).nodeType === ELEMENT;
const childrenOf = (n: LightParent) => n.childNodes;
const textOf = (n: unknown): string => {
  if (Array.isArray(n)) return n.map(textOf).join('');
  if (isTag(n)) return textOf(n.childNodes);
  return (n as LightNode).nodeType === TEXT ? (n as LightText).nodeValue : '';
};
const findAll = (test: (el: LightElement) => boolean, nodes: unknown[]): LightElement[] => {
  const out: LightElement[] = [];
  for (const n of nodes) if (isTag(n)) {
    if (test(n)) out.push(n);
    out.push(...findAll(test, n.childNodes));
  }
  return out;
};
const findOne = (test: (el: LightElement) => boolean, nodes: unknown[]): LightElement | null => {
  for (const n of nodes) if (isTag(n)) {
    if (test(n)) return n;
    const inner = findOne(test, n.childNodes);
    if (inner) return inner;
  }
  return null;
};
const existsOne = (test: (el: LightElement) => boolean, nodes: unknown[]): boolean => findOne(test, nodes) !== null;

const adapter = {
  isTag,
  existsOne,
  getAttributeValue: (el: LightElement, name: string) => (name === 'class' ? (Object.hasOwn(el.attributes, 'class') ? el.attributes.class : null) : el.getAttribute(name)) ?? undefined,
  getChildren: childrenOf,
  getName: (el: LightElement) => el.localName,
  getParent: (el: LightElement) => el.parentNode,
  getSiblings: (el: LightElement) => (el.parentNode ? el.parentNode.childNodes : [el]),
  getText: textOf,
  hasAttrib: (el: LightElement, name: string) => el.hasAttribute(name),
  removeSubsets: (nodes: LightElement[]) => nodes,
  findAll,
  findOne,
};

type Test = (el: LightElement) => boolean;

/** Lower-case tag names and commas only ("td, th"): in HTML and XML mode alike, a name is matched as written. */
const TAG_LIST = /^\s*[a-z][a-z0-9]*(?:\s*,\s*[a-z][a-z0-9]*)*\s*$/;

const matchers = new Map<string, Test>();
/**
 * The test for `selectors` on any element: css-select's compiled one, in XML mode for SVG elements (as
 * linkedom), or for a plain list of tag names (the selectors lib/ uses most: `table`, `td, th`, the
 * unrendered elements) a look-up of the element's name, which is what css-select's tag test compares.
 */
function matcher(selectors: string): Test {
  let test = matchers.get(selectors);
  if (!test) {
    if (TAG_LIST.test(selectors)) {
      const names = new Set(selectors.split(',').map((s) => s.trim()));
      test = (el) => names.has(el.localName);
    } else {
      let html: Test | null = null;
      let xml: Test | null = null;
      test = (el) => (el.svg ? (xml ??= compile(selectors, true)) : (html ??= compile(selectors, false)))(el);
    }
    matchers.set(selectors, test);
  }
  return test;
}

function compile(selectors: string, xml: boolean): Test {
  return CSSselect.compile(selectors, { xmlMode: xml, adapter } as never) as unknown as Test;
}

// ---------------------------------------------------------------- parsing

const LT = 0x3c;
const AMP = 0x26;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/** htmlparser2's own handlers of the three states the subclass below speeds up. */
const base = Tokenizer.prototype as unknown as Record<'stateText' | 'stateInAttributeValueDoubleQuotes' | 'stateInAttributeValueSingleQuotes', (this: unknown, c: number) => void>;
const baseText = base.stateText;
const baseDoubleQuoted = base.stateInAttributeValueDoubleQuotes;
const baseSingleQuoted = base.stateInAttributeValueSingleQuotes;

/** What htmlparser2's Tokenizer keeps private and the subclass below reads. */
interface TokenizerState {
  buffer: string;
  offset: number;
  index: number;
}

/**
 * htmlparser2's Tokenizer, with the same tokens, but faster through text and quoted attribute values:
 * there its state handlers look at one character per turn of its main loop and act only on `<` (text) or
 * the closing quote, and on `&` (an entity, as entities are decoded); every other character is passed
 * over. Most of a saved Word page is attribute values (style="…"), so those turns are most of the parse.
 * Here a plain loop skips to the next character that matters, and the handler takes it as before.
 */
class SkippingTokenizer extends (Tokenizer as unknown as new (...args: unknown[]) => TokenizerState) {
  /** Put the index just before the next `a` or `b` (or the end): the main loop's increment lands on it. */
  private skipUntil(a: number, b: number): void {
    const buffer = this.buffer;
    const end = buffer.length;
    let i = this.index - this.offset + 1;
    while (i < end) {
      const c = buffer.charCodeAt(i);
      if (c === a || c === b) break;
      i++;
    }
    this.index = i + this.offset - 1;
  }

  stateText(c: number): void {
    if (c === LT || c === AMP) baseText.call(this, c);
    else this.skipUntil(LT, AMP);
  }

  stateInAttributeValueDoubleQuotes(c: number): void {
    if (c === DOUBLE_QUOTE || c === AMP) baseDoubleQuoted.call(this, c);
    else this.skipUntil(DOUBLE_QUOTE, AMP);
  }

  stateInAttributeValueSingleQuotes(c: number): void {
    if (c === SINGLE_QUOTE || c === AMP) baseSingleQuoted.call(this, c);
    else this.skipUntil(SINGLE_QUOTE, AMP);
  }
}

/**
 * The page as linkedom's parseHTML would build it (same Parser, same options, same callbacks), minus
 * the doctype node nothing reads.
 */
/** `tokenizer`: htmlparser2's own for tests that compare (tests/read/light-dom.test.ts). */
export function parseLight(html: string, tokenizer: typeof Tokenizer = SkippingTokenizer as unknown as typeof Tokenizer): LightDocument {
  const doc = new LightDocument();
  let node: LightParent = doc;
  let svgRoot: LightElement | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const svg = svgRoot !== null || name === 'svg' || name === 'SVG';
        const el = new LightElement(name, attributes, doc, svg);
        if (!svgRoot && svg) svgRoot = el;
        node.appendChild(el);
        node = el;
      },
      ontext(text) {
        const last = node.lastChild;
        if (last && last.nodeType === TEXT) (last as LightText).nodeValue += text;
        else node.appendChild(new LightText(text));
      },
      oncomment(data) {
        node.appendChild(new LightComment(data));
      },
      onclosetag() {
        if (node === svgRoot) svgRoot = null;
        node = node.parentNode ?? doc;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false, Tokenizer: tokenizer },
  );
  parser.write(html);
  parser.end();
  return doc;
}
