// Text in both UI languages, as data (findings, messages): `pick` (./index.ts) shows the one
// the browser's language asks for.

/** Text in both UI languages: French first. */
export interface Localized {
  fr: string;
  en: string;
}

export const l = (fr: string, en: string): Localized => ({ fr, en });
