import { t } from '@/lib/i18n';
import type { ActiveDeliverable } from '@/lib/hooks/use-active-deliverable';

export function deliverableLabel(detection: NonNullable<ActiveDeliverable['detection']>): string {
  return detection.labelArg ? t(detection.labelKey, detection.labelArg) : t(detection.labelKey);
}

function hostOf(url: string): string {
  try {
    const { host, protocol } = new URL(url);
    return protocol === 'file:' ? url : host;
  } catch {
    return url;
  }
}

export function DeliverableBanner({ active }: { active: ActiveDeliverable }) {
  const { tab, detection, canIdentify, identifyStatus, identify } = active;
  return (
    <section className="deliverable" aria-labelledby="deliverable-heading">
      <h2 id="deliverable-heading" className="visually-hidden">
        {t('activeTab')}
      </h2>
      <div role="status" aria-live="polite" aria-atomic="true">
        {tab && detection ? (
          <p>
            <span className="deliverable-kind" data-testid="deliverable-kind">
              {deliverableLabel(detection)}
            </span>{' '}
            <span className="deliverable-host">{hostOf(tab.url)}</span>
          </p>
        ) : (
          <p>{t('noDeliverable')}</p>
        )}
        {identifyStatus === 'denied' && <p className="notice">{t('identifyDenied')}</p>}
        {identifyStatus === 'failed' && <p className="notice">{t('identifyFailed')}</p>}
      </div>
      {canIdentify && (
        <div className="identify">
          <button type="button" onClick={identify} aria-describedby="identify-hint" disabled={identifyStatus === 'pending'}>
            {t('identifySite')}
          </button>
          <p id="identify-hint" className="hint">
            {t('identifySiteHint')}
          </p>
        </div>
      )}
    </section>
  );
}
