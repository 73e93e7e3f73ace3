import { useId } from 'react';
import { t } from '@/lib/i18n';
import { formatCaptureTime, formatNumber } from '@/lib/capture/format';
import { httpLink } from '@/lib/capture/links';
import { useObjectUrl } from '@/lib/hooks/use-object-url';
import { MAX_QUOTE_CHARS } from '@/lib/messaging/protocol';
import type { EvidenceKind } from '@/lib/workspace/types';
import type { Finding } from '@/lib/checks/types';
import { FindingSummary } from './finding-summary';

/** What was seen: a pending capture, or a saved evidence row (both fit). */
export interface EvidenceView {
  kind: EvidenceKind;
  url: string;
  pageTitle: string;
  capturedAt: number;
  quote?: string | null;
  image?: Blob | null;
  finding?: Finding | null;
  /** The quote was cut at MAX_QUOTE_CHARS. */
  truncated?: boolean;
}

interface Props {
  evidence: EvidenceView;
  /** `thumbnail`: a small image, for lists. */
  size?: 'full' | 'thumbnail';
  /** Id for the line naming the page, so buttons about this evidence can point to it. */
  titleId?: string;
}

/**
 * The record of a piece of evidence: the quote (as text, never as HTML), the screenshot or the
 * link, and where and when it was seen. Only an http(s) address becomes a link.
 */
export function EvidenceRecord({ evidence, size = 'full', titleId }: Props) {
  const { kind, url, pageTitle, capturedAt, quote, image, truncated, finding } = evidence;
  const imageUrl = useObjectUrl(kind === 'screenshot' ? image : null);
  const link = httpLink(url);
  const ownId = useId();
  const titleLineId = titleId ?? `${ownId}-title`;
  const when = formatCaptureTime(capturedAt);
  const title = pageTitle.trim() || t('evidenceNoTitle');
  return (
    <div className={`evidence-record evidence-${kind}`}>
      <p className="evidence-kind">{t(`evidenceKind_${kind}`)}</p>
      {kind === 'quote' && <blockquote className="evidence-quote">{quote ?? ''}</blockquote>}
      {kind === 'quote' && truncated && <p className="hint">{t('evidenceTruncated', formatNumber(MAX_QUOTE_CHARS))}</p>}
      {kind === 'finding' && finding && <FindingSummary finding={finding} />}
      {kind === 'screenshot' &&
        (imageUrl ? (
          <img
            className={size === 'thumbnail' ? 'evidence-thumbnail' : 'evidence-image'}
            src={imageUrl}
            alt={t('evidenceScreenshotAlt', title, when)}
          />
        ) : (
          !image && <p className="hint">{t('evidenceImageMissing')}</p>
        ))}
      <dl className="evidence-meta">
        <dt>{t('evidencePageTitle')}</dt>
        <dd id={titleLineId}>{title}</dd>
        <dt>{t('evidenceUrl')}</dt>
        <dd>
          <span className="evidence-url">{url}</span>
          {link && (
            <>
              {' '}
              <a href={link} target="_blank" rel="noreferrer noopener" aria-describedby={titleLineId}>
                {t('evidenceOpenPage')}
              </a>
            </>
          )}
        </dd>
        <dt>{t('evidenceCapturedAt')}</dt>
        <dd>
          <time dateTime={new Date(capturedAt).toISOString()}>{when}</time>
        </dd>
      </dl>
    </div>
  );
}
