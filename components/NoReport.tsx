import type { PageLink } from '@/lib/page-kind.ts';

// Says why the popup has nothing to show, instead of an empty box, and where to go instead when the
// page links to the report (a list page's reports, a report's attachments). Links open in a new tab.

export function NoReport({ why }: { why: { headline: string; detail: string; links?: PageLink[] } }) {
  return (
    <section class="nb-none" data-testid="no-report">
      <h1>{why.headline}</h1>
      <p>{why.detail}</p>
      {why.links && why.links.length > 0 && (
        <ul class="nb-links" data-testid="page-links">
          {why.links.map((l) => (
            <li key={l.href}>
              <a href={l.href} target="_blank" rel="noreferrer" title={l.href}>
                {l.text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
