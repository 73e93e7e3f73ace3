// Cookie lifetimes against the CNIL's 13 months. Chromium stores no cookie for longer than 400
// days (≈ 13,1 months): a cookie asked for 25 months is read back as 400 days, so beyond 395 days
// Grille counts it as beyond 13 months and says the site may have asked for more.
import type { CookieFact } from '../page/facts';

export const DAY_MS = 86_400_000;
export const LIMIT_DAYS = 395;
export const BROWSER_CAP_DAYS = 400;
const MONTH_DAYS = 30.44;

export interface Lifetime {
  name: string;
  /** null: session cookie; undefined: unknown. */
  days: number | null | undefined;
}

export function lifetimes(cookies: readonly CookieFact[], at: number): Lifetime[] {
  return cookies.map((c) => ({ name: c.name, days: typeof c.expires === 'number' ? (c.expires - at) / DAY_MS : c.expires }));
}

export const months = (days: number): number => days / MONTH_DAYS;

/** Near the browser's cap: the site may have asked for longer than what is stored. */
export const atBrowserCap = (days: number): boolean => days >= BROWSER_CAP_DAYS - 2;
