import { useState } from 'preact/hooks';
import type { PageLink } from '@/lib/page-kind.ts';
import { documentKindByName } from '@/lib/document-kind.ts';
import { t, unreadableDocumentAdvice } from '@/components/i18n.ts';

// A report page's attachments, each with 核对附件: a format we cannot read (.doc, .wps, .ofd, Excel) gets its
// sentence at once, without fetching; anything else goes to `onCheck` (which asks for the host and opens
// the attachment page). Nothing is fetched here.

interface Props {
  links: PageLink[];
  /** Called straight from the click (a permission request needs the gesture). */
  onCheck?: (link: PageLink) => Promise<void>;
}

export function AttachmentList({ links, onCheck }: Props) {
  const [said, setSaid] = useState<{ href: string; text: string } | null>(null);
  const check = (link: PageLink) => {
    const kind = documentKindByName(link.href, link.text);
    if (kind && kind !== 'PDF' && kind !== 'Word') return setSaid({ href: link.href, text: unreadableDocumentAdvice(kind) });
    setSaid({ href: link.href, text: t('attachOpening') });
    onCheck?.(link).catch((err: unknown) => setSaid({ href: link.href, text: String(err instanceof Error ? err.message : err) }));
  };
  return (
    <ul class="nb-links nb-attachments" data-testid="page-links">
      {links.map((l) => (
        <li key={l.href}>
          <a href={l.href} target="_blank" rel="noreferrer" title={l.href}>
            {l.text}
          </a>
          {onCheck && (
            <button type="button" class="nb-check-attachment" data-testid="check-attachment" title={t('attachCheckTitle')} onClick={() => check(l)}>
              {t('attachCheck')}
            </button>
          )}
          {said?.href === l.href && (
            <p class="nb-attachment-note" role="status">
              {said.text}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
