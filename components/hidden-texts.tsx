import { useState } from 'react';
import { t } from '@/lib/i18n';
import type { PageSnapshot } from '@/lib/page/facts';
import { usePageAnalysisContext } from './analysis-context';

/**
 * Text the page hides from sighted visitors, kept apart from its visible text. Shown as text
 * (never as HTML) with why it is hidden: a candidate's page may hide words meant for an AI or
 * a grading tool — the juror sees them here, and they never count as the page's content.
 */
export function HiddenTexts({ snapshot }: { snapshot: PageSnapshot }) {
  const analysis = usePageAnalysisContext();
  const [status, setStatus] = useState('');
  const hidden = snapshot.hiddenTexts;
  // A document read through its export (Google Docs): the selectors point into the export, not into the tab.
  const canShow = !!analysis && (snapshot.source === 'dom' || snapshot.source === 'social-profile');
  if (hidden.length === 0) return null;
  return (
    <section className="hidden-texts notice" aria-labelledby="hidden-texts-heading">
      <h3 id="hidden-texts-heading">{t('hiddenTextsHeading', String(hidden.length))}</h3>
      <p className="hint">{t('hiddenTextsHint')}</p>
      <ul>
        {hidden.map((h, i) => (
          <li key={i}>
            <p className="hidden-reasons">{h.reasons.map((r) => t(`hidden_${r}`)).join(' · ')}</p>
            <blockquote className="hidden-text">{h.text}</blockquote>
            {canShow && analysis && (
              <button type="button" onClick={() => void analysis.highlight([h.selector], t('hiddenTextsHeading', '1')).then(setStatus)}>
                {t('highlightHidden')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p role="status" className="hint">
        {status}
      </p>
    </section>
  );
}
