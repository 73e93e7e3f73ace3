// Figures in findings: French and English number and byte formats.

/** Figures as a French reader writes them: « 1 234,5 ». */
export function frNumber(x: number, digits = 0): string {
  return x.toLocaleString('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).replace(/\u202f|\u00a0/g, ' ');
}

export function enNumber(x: number, digits = 0): string {
  return x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** « 2,4 Mo » / “2.4 MB”, in units of 1024 bytes (as EcoIndex counts its KB). */
export function formatBytes(bytes: number): { fr: string; en: string } {
  if (bytes >= 1024 * 1024) return { fr: `${frNumber(bytes / 1024 / 1024, 1)} Mo`, en: `${enNumber(bytes / 1024 / 1024, 1)} MB` };
  if (bytes >= 1024) return { fr: `${frNumber(bytes / 1024, 0)} ko`, en: `${enNumber(bytes / 1024, 0)} KB` };
  return { fr: `${frNumber(bytes)} octets`, en: `${enNumber(bytes)} bytes` };
}

/** The French word for a count: singular for 0 and 1, as French writes it. */
export const frPlural = (n: number, one: string, many: string): string => (n > 1 ? many : one);
export const enPlural = (n: number, one: string, many: string): string => (n === 1 ? one : many);
