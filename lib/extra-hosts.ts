/**
 * Other places a reader may read reports, beyond the .gov.cn sites the extension runs on by default. Each is
 * an optional host permission the options page asks for when the reader turns it on (never part of the
 * default match); once granted, the background registers the content script there. Pure.
 */

/** The Wayback Machine's copies (the content script then acts only on copies of .gov.cn pages). */
export const ARCHIVE_ORIGINS = ['*://web.archive.org/*'];
/** Saved pages opened from disk (Chrome: also "Allow access to file URLs" on chrome://extensions). */
export const FILE_ORIGINS = ['file:///*'];

/** The default match, which needs no grant and no runtime registration. */
export function isDefaultOrigin(pattern: string): boolean {
  return /^\*:\/\/\*\.gov\.cn\/\*$/.test(pattern);
}

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$|^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * The match pattern for a mirror the reader typed ("mirror.example.org", or a pasted address); null when it
 * is not a single host (no wildcards: we ask for exactly the site named).
 */
export function mirrorPattern(typed: string): string | null {
  let text = typed.trim().toLowerCase();
  if (!text) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      const url = new URL(text);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
      text = url.hostname;
    } catch {
      return null;
    }
  } else text = text.replace(/[/?#].*$/, '').replace(/:\d+$/, '');
  return HOST.test(text) ? `*://${text}/*` : null;
}

/** The granted origins the content script must be registered for at runtime (all but the default). */
export function extraOrigins(granted: readonly string[] | undefined): string[] {
  return [...new Set((granted ?? []).filter((o) => !isDefaultOrigin(o) && o !== '<all_urls>' && o !== '*://*/*'))].sort();
}

/** The host a granted mirror pattern names, for the options page's list. */
export function patternHost(pattern: string): string {
  return /^\*:\/\/([^/]+)\/\*$/.exec(pattern)?.[1] ?? pattern;
}
