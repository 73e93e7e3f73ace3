// Dates as the documents print them, and text clean-up shared by the renderers.
import type { Lang } from './messages';

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'fr-FR');

/** Building a DateTimeFormat costs ~50 µs, formatting ~1 µs: keep them (a CSV formats thousands of dates). */
const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** « 12 mars 2025 ». */
export function formatDate(at: number, lang: Lang, timeZone?: string): string {
  return formatter(locale(lang), { dateStyle: 'long', timeZone }).format(at);
}

/** « 12 mars 2025 à 14:05 ». */
export function formatDateTime(at: number, lang: Lang, timeZone?: string): string {
  return formatter(locale(lang), { dateStyle: 'long', timeStyle: 'short', timeZone }).format(at);
}

/** « 2025-03-12 14:05 », local time: what spreadsheets read as a date in any locale. */
export function isoLocal(at: number, timeZone?: string): string {
  const parts = Object.fromEntries(
    formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** « 2025-03-12 », for file names. */
export const isoDay = (at: number, timeZone?: string) => isoLocal(at, timeZone).slice(0, 10);

/** Characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/FFFF): a DOCX holding one does not open. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const xmlSafe = (text: string) => text.replace(XML_INVALID, '');

/** Line breaks normalised to \n, trailing blanks trimmed. */
export const lines = (text: string) => text.replace(/\r\n?/g, '\n').trim();
