/**
 * Some sites ship the report article as a string inside a <script> (`let content = "…"`) and write it into
 * the page on load (corpus 001 came from such a page). In the browser the page's own script does that and
 * the content script simply waits; a saved page read in Node never runs it. This finds the longest string
 * literal in the page's inline scripts that holds report markup, so the CLI can read it all the same.
 */

const SIGNATURE = /申请人情况|本年新收|行政复议|政府信息公开情况统计表/;
const LITERAL = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g;
/** Literals joined with + (long articles are often cut into pieces): "…" + "…" + … */
const CHAIN = new RegExp(`(?:${LITERAL.source})(?:\\s*\\+\\s*(?:${LITERAL.source}))*`, 'g');

/** A JS string literal's body, unescaped (\" \' \/ \n \uXXXX …). */
function unescapeJs(body: string): string {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, e: string) => {
    if (e[0] === 'u') return String.fromCodePoint(parseInt(e.replace(/[u{}]/g, ''), 16));
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' } as Record<string, string>)[e] ?? e;
  });
}

/** `scripts`: the source of each inline <script> of the page. */
export function scriptedArticleHtml(scripts: Iterable<string>): string | null {
  let best: string | null = null;
  for (const code of scripts) {
    if (code.length < 200 || !/<t[dr]|\\u003c|&lt;/i.test(code)) continue;
    for (const chain of code.match(CHAIN) ?? []) {
      if (chain.length < 200 || (best && chain.length <= best.length)) continue;
      const html = [...chain.matchAll(LITERAL)].map((m) => unescapeJs(m[1] ?? m[2] ?? m[3] ?? '')).join('');
      if (/<table|<td/i.test(html) && SIGNATURE.test(html)) best = html;
    }
  }
  return best;
}
