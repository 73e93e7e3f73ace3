import { useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { captureLink, captureQuote, captureScreenshot, toCaptureError, type PendingCapture } from '@/lib/capture/captures';
import { CaptureError } from '@/lib/page/tab-errors';
import { originPattern, type DeliverableTab } from '@/lib/page/active-deliverable';

export interface CaptureActionsProps {
  /** The deliverable tab (useActiveDeliverable().tab); null when the active tab is not a web page. */
  tab: DeliverableTab | null;
  /** A capture was made: hand it to the evidence dialog (usePendingCapture().propose). */
  onCapture: (capture: PendingCapture) => void;
}

type Action = 'quote' | 'screenshot' | 'link';

/**
 * « Citer la sélection », « Capturer l'écran visible », « Ajouter le lien de la page » for the
 * active tab. Quoting asks the browser for access to this site only (it asks the juror only
 * the first time), in the click itself; a screenshot needs activeTab, which no per-site grant
 * replaces, so its refusal explains how to get it. Failures are explained in French.
 */
export function CaptureActions({ tab, onCapture }: CaptureActionsProps) {
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = (action: Action, work: (tab: DeliverableTab) => Promise<PendingCapture>, explain = (e: CaptureError) => e) => {
    if (busy) return;
    if (!tab) {
      setError(new CaptureError('protected').message);
      return;
    }
    setBusy(action);
    setError(null);
    work(tab).then(
      (capture) => {
        setBusy(null);
        onCapture(capture);
      },
      (e: unknown) => {
        setBusy(null);
        setError(explain(toCaptureError(e, tab.url)).message);
      },
    );
  };

  const quote = () => {
    const pattern = tab ? originPattern(tab.url) : null;
    // permissions.request must run in the click's own task: no await before it. Already granted: no prompt.
    const asked: Promise<boolean | null> =
      pattern && !busy ? browser.permissions.request({ origins: [pattern] }).then((granted) => granted, () => null) : Promise.resolve(null);
    let granted: boolean | null = null;
    run(
      'quote',
      async (current) => {
        granted = await asked;
        // Even when refused, activeTab (toolbar button, context menu) may let Grille read the page.
        return captureQuote(current.id);
      },
      (e) => (e.code === 'noAccess' && granted === false ? new CaptureError('denied') : e),
    );
  };

  const group = t('captureActions');
  return (
    <div className="capture-actions" role="group" aria-label={group} aria-busy={busy !== null}>
      <div className="capture-buttons">
        <button type="button" onClick={quote} disabled={busy !== null}>
          {t('captureQuote')}
        </button>{' '}
        <button type="button" onClick={() => run('screenshot', (current) => captureScreenshot(current.id))} disabled={busy !== null}>
          {t('captureScreenshot')}
        </button>{' '}
        <button type="button" onClick={() => run('link', (current) => captureLink(current.id))} disabled={busy !== null}>
          {t('captureLink')}
        </button>
      </div>
      <p className="hint">{t('captureHint')}</p>
      <p role="status" className="visually-hidden">
        {busy && t('captureBusy')}
      </p>
      <div role="alert" className="capture-error">
        {error && <p>{error}</p>}
      </div>
    </div>
  );
}
