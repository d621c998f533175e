import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// Every string the reader sees comes from public/_locales (components/i18n.ts). This reads the UI code's
// string literals, template parts and JSX text (comments are not looked at) and lists any with Chinese in
// them, apart from the few below that are not UI text.

// Babel's parser (there through @preact/preset-vite; TypeScript 7 has no JS API): TS + JSX to an AST.
const { parse } = createRequire(import.meta.url)('@babel/parser') as {
  parse(code: string, options: { sourceType: 'module'; plugins: string[] }): { program: unknown };
};
const ROOT = path.join(import.meta.dirname, '..', '..');
const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;

/** file → the exact literals allowed there, and why. */
const ALLOWED: Record<string, string[]> = {
  // The console's prefix, for developers: not shown on the page.
  'entrypoints/content/log.ts': ['[年报核对]'],
  // Export file names (the exports stay in Chinese, like lib's own file names).
  'components/library/LibraryApp.tsx': ['年报库-', '份-', '-数据.csv', '-宽表.csv', '-问题清单.csv'],
  // What each file of the evidence pack is, written into its manifest.json (an export).
  'entrypoints/popup/evidence.ts': ['网页存档（MHTML，可用 Chrome / Edge 打开）', '第 ', ' 张有问题的表格（', '）在浏览器中显示的截图', '全部表格数值与核对结果（JSON）', '问题清单（CSV，UTF-8）'],
};

function uiFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = `${dir}/${d.name}`;
    if (d.isDirectory()) return uiFiles(rel);
    return /\.tsx?$/.test(d.name) ? [rel] : [];
  });
}

/** The text of every literal, template part and JSX text in the file. */
export function literalsOf(fileName: string, source: string): string[] {
  const ast = parse(source, { sourceType: 'module', plugins: fileName.endsWith('x') ? ['typescript', 'jsx'] : ['typescript'] });
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown> & { type?: string };
    if (n.type === 'StringLiteral') out.push(n.value as string);
    else if (n.type === 'TemplateElement') out.push((n.value as { cooked: string }).cooked);
    else if (n.type === 'JSXText') out.push((n.value as string).trim());
    for (const [key, child] of Object.entries(n)) {
      // Comments hang off the nodes: not looked at.
      if (key !== 'leadingComments' && key !== 'trailingComments' && key !== 'innerComments' && key !== 'loc') visit(child);
    }
  };
  visit(ast.program);
  return out.filter(Boolean);
}

describe('no Chinese literal strings in the UI code', () => {
  it('finds them when they are there (and not in comments)', () => {
    const sample = `// 注释\n/** 说明 */\nconst a = '中文'; const b = \`x\${1}年\`; const c = <p title="标题">正文</p>;`;
    expect(literalsOf('x.tsx', sample).filter((s) => CJK.test(s))).toEqual(['中文', '年', '标题', '正文']);
  });

  it('components/ and entrypoints/ say nothing in Chinese themselves, but the few exports and log prefix listed', () => {
    const files = [...uiFiles('components'), ...uiFiles('entrypoints')];
    expect(files.length).toBeGreaterThan(30);
    const found: string[] = [];
    const used = new Set<string>();
    for (const file of files) {
      for (const text of literalsOf(file, fs.readFileSync(path.join(ROOT, file), 'utf8'))) {
        if (!CJK.test(text)) continue;
        if (ALLOWED[file]?.includes(text)) used.add(`${file}: ${text}`);
        else found.push(`${file}: ${text}`);
      }
    }
    expect(found).toEqual([]);
    // The allowances stay exact: each is still there.
    expect([...used].sort()).toEqual(Object.entries(ALLOWED).flatMap(([f, texts]) => texts.map((t) => `${f}: ${t}`)).sort());
  });
});
