// How a capture's time and size read in the panel's language (French by default).
import { t } from '../i18n';

/** « 12 mars 2025 à 14:03:07 » — the record of when the juror saw the page. */
export function formatCaptureTime(at: number): string {
  try {
    return new Intl.DateTimeFormat(t('lang'), { dateStyle: 'long', timeStyle: 'medium' }).format(at);
  } catch {
    return new Date(at).toISOString();
  }
}

export function formatNumber(n: number): string {
  try {
    return new Intl.NumberFormat(t('lang')).format(n);
  } catch {
    return String(n);
  }
}
