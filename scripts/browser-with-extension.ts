import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

// Debian's Chromium with the built extension loaded, and a local HTTP server for the bundled report pages,
// reached under real-looking hosts via --host-resolver-rules. Used by the e2e tests, the demo and the bench.

// The service worker's own `chrome`, inside sw.evaluate() callbacks (not a Node global).
declare const chrome: any;

const ROOT = path.resolve(import.meta.dirname, '..');
export const EXT_DIR = path.join(ROOT, '.output/chrome-mv3');
const DIRS = [path.join(ROOT, 'tests/fixtures'), path.join(ROOT, 'tests/e2e/pages')];
const DOCUMENTS = path.join(ROOT, 'tests/documents');
const DOCUMENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Hosts that resolve to the fixture server. Everything else fails to resolve (no real network). */
export const GOV = 'http://www.linxi.gov.cn';
export const NON_GOV = 'http://www.example.com';

export interface ServedRequest { host: string; path: string }

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  served: ServedRequest[];
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

/**
 * The HTML served under a page name: a fixture, an e2e-only page, or a variant composed from a report
 * page plus a head snippet (`<variant>.head.html`, whose first line names its base page in a comment:
 * `<!-- base: page-safety-base-2019.html -->`), so hostile pages do not repeat the report's markup.
 */
export function pageHtml(name: string): string | undefined {
  if (!name.endsWith('.html')) return undefined;
  const file = DIRS.map((d) => path.join(d, name)).find((f) => fs.existsSync(f));
  if (file) return fs.readFileSync(file, 'utf8');
  const snippetFile = DIRS.map((d) => path.join(d, name.replace(/\.html$/, '.head.html'))).find((f) => fs.existsSync(f));
  if (!snippetFile) return undefined;
  const snippet = fs.readFileSync(snippetFile, 'utf8');
  const base = /<!-- base: ([\w.-]+) -->/.exec(snippet)?.[1];
  const baseHtml = base && pageHtml(base);
  if (!baseHtml) throw new Error(`${snippetFile}: no base page`);
  return baseHtml.replace('</head>', `${snippet}</head>`);
}

const MiB = 1024 * 1024;
/** Attachments too big to read (attachment.html stops at 50 MB): announced by Content-Length, or sent without it. */
const OVERSIZED: Record<string, { bytes: number; announced: boolean }> = {
  'oversized-announced.pdf': { bytes: 60 * MiB, announced: true },
  'oversized-unannounced.pdf': { bytes: 51 * MiB, announced: false },
};

/** Sent as fast as the client takes it; the client hanging up ends it. */
function sendOversized(res: http.ServerResponse, { bytes, announced }: { bytes: number; announced: boolean }) {
  res.writeHead(200, { 'content-type': 'application/pdf', ...(announced ? { 'content-length': String(bytes) } : {}) });
  const chunk = Buffer.alloc(MiB, 0x20);
  chunk.write('%PDF-1.4\n');
  let sent = 0;
  const more = () => {
    while (sent < bytes && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', more);
    }
    if (!res.destroyed) res.end();
  };
  more();
}

function serve(served: ServedRequest[]): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    served.push({ host: req.headers.host ?? '', path: url.pathname });
    const name = path.basename(decodeURIComponent(url.pathname));
    // A report published as an attachment: the test documents (tests/documents), as a site serves them.
    if (OVERSIZED[name]) return sendOversized(res, OVERSIZED[name]);
    const document = DOCUMENT_TYPES[path.extname(name)] && path.join(DOCUMENTS, name);
    if (document && fs.existsSync(document)) {
      res.writeHead(200, { 'content-type': DOCUMENT_TYPES[path.extname(name)]! }).end(fs.readFileSync(document));
      return;
    }
    const html = pageHtml(name);
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export interface ContextOptions {
  /** Port of the local server that every mapped host resolves to. */
  port: number;
  /** Host patterns mapped to that server; every other host fails to resolve (no real network). */
  hosts?: string[];
  headless?: boolean;
  extraArgs?: string[];
  /** An existing profile to open (a browser restart); default: a fresh one. */
  userDataDir?: string;
  /** A built extension other than the default one (a test's patched copy). */
  extDir?: string;
}

/** Debian's Chromium in a fresh profile with the built extension loaded. */
export async function extensionContext(opts: ContextOptions): Promise<{ context: BrowserContext; userDataDir: string }> {
  const extDir = opts.extDir ?? EXT_DIR;
  if (!fs.existsSync(path.join(extDir, 'manifest.json'))) throw new Error(`Build first (npm run build): ${extDir} is missing`);
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath}: sudo apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM=…)`);
  const hosts = opts.hosts ?? ['*.gov.cn', 'www.example.com'];
  const userDataDir = opts.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: opts.headless ?? true,
    viewport: { width: 1100, height: 800 },
    locale: 'zh-CN',
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      // The browser's own language too, not only Playwright's per-page emulation: a tab the extension opens
      // can run before the emulation reaches it, and its navigator.language was then en-US (the attachment
      // page came up in English now and then). Headless Chromium takes it from --accept-lang, not --lang.
      '--accept-lang=zh-CN',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${opts.port}`).join(', ')}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
      ...(opts.extraArgs ?? []),
    ],
  });
  return { context, userDataDir };
}

/** `userDataDir`: open that profile and leave it on close (for a restart on the same profile). `extDir`: a patched build. */
export async function launch(opts: { headless?: boolean; userDataDir?: string; extDir?: string; hosts?: string[] } = {}): Promise<Harness> {
  const served: ServedRequest[] = [];
  const server = await serve(served);
  const port = (server.address() as { port: number }).port;
  const { context, userDataDir } = await extensionContext({ port, headless: opts.headless, userDataDir: opts.userDataDir, extDir: opts.extDir, hosts: opts.hosts });
  const serviceWorker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await serviceWorker()).url()).host;
  return {
    context,
    extensionId,
    served,
    serviceWorker,
    async close() {
      await context.close();
      await new Promise((r) => server.close(r));
      if (!opts.userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The extension's id for a page's tab: the tab the service worker sees as active after bringToFront. */
export async function tabIdOf(h: Harness, page: Page): Promise<number> {
  await page.bringToFront();
  const sw = await h.serviceWorker();
  return sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
}

export async function badgeText(h: Harness, tabId: number): Promise<string> {
  const sw = await h.serviceWorker();
  return sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}
