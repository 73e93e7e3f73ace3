// Why reading the juror's tab failed (a capture, an analysis), as a code the UI can act on and a
// message the juror can read (French by default, English when the browser is in English).
import { t } from '../i18n';

export const CAPTURE_ERROR_CODES = [
  /** Browser page, extension store, about:… : no extension may read or capture it. */
  'protected',
  /** Grille has no access to the page (neither the site granted nor activeTab). */
  'noAccess',
  /** The juror refused access to the site when asked. */
  'denied',
  /** The browser refused the screenshot (it needs activeTab: the toolbar button or the context menu). */
  'screenshotRefused',
  /** A local file, and « Allow access to file URLs » is off. */
  'fileAccess',
  /** Nothing is selected in the page. */
  'empty',
  /** The tab to capture is not the one on screen. */
  'notVisible',
  /** The tab was closed or navigated away meanwhile. */
  'tabGone',
  /** The page answered something that is not a selection (validation failed). */
  'unreadable',
  /** The page did not answer in time (a very heavy or busy page): the juror may try again. */
  'timeout',
  'failed',
] as const;
export type CaptureErrorCode = (typeof CAPTURE_ERROR_CODES)[number];

export class CaptureError extends Error {
  constructor(
    readonly code: CaptureErrorCode,
    options?: { cause?: unknown },
  ) {
    super(t(`captureError_${code}`), options);
    this.name = 'CaptureError';
  }
}

/** Only web pages and local files can be read or become evidence. */
export function isCapturableUrl(url: string | undefined | null): url is string {
  return !!url && /^(https?|file):/i.test(url);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Sorts the browser's own error (Chrome and Firefox word them differently) into a code.
 * `url` is the page's address when known: it tells a protected page or a local file apart.
 */
export function classifyBrowserError(error: unknown, url?: string | null, operation: 'read' | 'screenshot' = 'read'): CaptureErrorCode {
  if (error instanceof CaptureError) return error.code;
  const text = messageOf(error);
  if (url && !isCapturableUrl(url)) return 'protected';
  if (/no tab with id|invalid tab id|tab (was )?(closed|not found)|frame with id \d+ (was removed|is showing error page)|no frame with id/i.test(text)) return 'tabGone';
  if (/chrome:\/\/|chrome-extension:\/\/|edge:\/\/|about:|moz-extension:|resource:|view-source:|extensions gallery|web ?store|cannot be scripted|restricted/i.test(text))
    return 'protected';
  if (/permission|cannot access|not allowed|activeTab|all_urls/i.test(text)) {
    if (url && /^file:/i.test(url)) return 'fileAccess';
    return operation === 'screenshot' ? 'screenshotRefused' : 'noAccess';
  }
  return 'failed';
}
