// The « audit rapide » preset: 25 criteria chosen by DINUM's design system team to get a first,
// quick view of a site's accessibility (https://design.numerique.gouv.fr/outils/audit-rapide/).
export const QUICK_AUDIT: readonly string[] = [
  '1.1', '3.1', '4.1', '4.10', '5.3', '5.7', '6.1', '6.2', '7.1', '7.3', '8.3', '8.4', '8.5',
  '9.1', '10.3', '10.6', '10.7', '11.1', '11.2', '11.5', '11.6', '11.9', '11.10', '12.8', '12.9',
];

export const QUICK_AUDIT_SOURCE = { label: 'DINUM — audit rapide', url: 'https://design.numerique.gouv.fr/outils/audit-rapide/' };

export type RgaaPreset = 'full' | 'quick';

const quick = new Set(QUICK_AUDIT);
export function inPreset(criterion: string, preset: RgaaPreset): boolean {
  return preset === 'full' || quick.has(criterion);
}
