import { t } from '@/lib/i18n';
import type { PageSnapshot } from '@/lib/page/facts';
import { formatNumber } from '@/lib/capture/format';

/** « Ce que dit la page »: the snapshot in a few lines — title, language, outline, counts, structured data, social profile. */
export function PageSnapshotSummary({ snapshot }: { snapshot: PageSnapshot }) {
  const { counts, meta, headings, jsonLd, social } = snapshot;
  const internal = snapshot.links.filter((l) => l.internal).length;
  return (
    <details className="snapshot-summary">
      <summary>
        <h3 className="inline-heading">{t('snapshotHeading')}</h3>
      </summary>
      <dl className="snapshot-facts">
        <dt>{t('snapshotTitle')}</dt>
        <dd>{snapshot.title || t('snapshotNone')}</dd>
        <dt>{t('snapshotLang')}</dt>
        <dd>{snapshot.lang || t('snapshotNone')}</dd>
        <dt>{t('snapshotDescription')}</dt>
        <dd>{meta.description ?? t('snapshotNone')}</dd>
        <dt>{t('snapshotCounts')}</dt>
        <dd>
          {t(
            'snapshotCountsValue',
            formatNumber(counts.words),
            formatNumber(counts.elements),
            formatNumber(counts.links),
            formatNumber(internal),
            formatNumber(counts.images),
            formatNumber(counts.forms),
          )}
        </dd>
        <dt>{t('snapshotJsonLd')}</dt>
        <dd>{jsonLd.types.length ? jsonLd.types.join(', ') : t('snapshotNone')}</dd>
        {social && (
          <>
            <dt>{t('snapshotSocial')}</dt>
            <dd>
              {social.name} — {social.counts.map((c) => `${c.value} ${c.label}`).join(' · ')}
              {social.bio && <span className="preserve-lines"> — {social.bio}</span>}
            </dd>
          </>
        )}
      </dl>
      {headings.length > 0 && (
        <>
          <h4>{t('snapshotOutline')}</h4>
          <ul className="outline">
            {headings.slice(0, 80).map((h, i) => (
              <li key={i} style={{ marginInlineStart: `${(h.level - 1) * 0.75}rem` }}>
                <span className="outline-level">h{h.level}</span> {h.text}
                {h.hidden && <span className="hint"> ({t('snapshotHiddenHeading')})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
