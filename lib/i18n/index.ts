// UI strings through the browser's i18n (public/_locales): French by default, English when the
// browser's language is English. Message names may use '-' here; Chrome only allows '_'.
import { browser } from 'wxt/browser';

export function t(key: string, ...substitutions: (string | number)[]): string {
  const name = key.replace(/[^A-Za-z0-9_]/g, '_');
  // Keys are built at run time (kind_…, topic_…), so WXT's literal key type cannot apply.
  const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
  const message = getMessage(name, substitutions.map(String));
  return message || key;
}

/** The browser's UI language as Grille uses it: English when the browser is in English, French otherwise. */
export function uiLanguage(): 'fr' | 'en' {
  try {
    return browser.i18n.getUILanguage().toLowerCase().startsWith('en') ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

/** The text of a { fr, en } pair in the UI language. */
export function pick(text: { fr: string; en: string }): string {
  return text[uiLanguage()] || text.fr;
}
