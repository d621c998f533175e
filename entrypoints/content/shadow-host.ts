import css from './ui.css?inline';

// Our own ~15-line version of WXT's createShadowRootUi: an open shadow root with the same
// `:host{all:initial}` reset, so page CSS can't reach in and ours can't leak out. Why not WXT's:
// its helper pulls in the auto-mount machinery (wait-element, many-keys-map, defu) and fetches the
// CSS from a web-accessible file at run time. Inlining the CSS costs nothing, keeps the content
// script under its 25 KB gzip budget, needs no request at all, and exposes no web_accessible_resources
// that any .gov.cn page could probe to detect the extension.

export interface ShadowHost {
  host: HTMLElement;
  container: HTMLElement;
  remove(): void;
}

/** Create `<name>` with a shadow root holding our stylesheet and one container; `place` inserts it. */
export function createShadowHost(name: string, place: (host: HTMLElement) => void): ShadowHost {
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important}\n${css}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  place(host);
  return { host, container, remove: () => host.remove() };
}
