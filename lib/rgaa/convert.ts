// Converts DINUM's published RGAA criteria (criteres.json) to the shape Grille bundles: themes,
// criteria and tests with their official wording, glossary links reduced to their text.
// Used by scripts/rgaa-data.ts; the extension bundles the result, never the source.
export interface RgaaTestData {
  /** "1.1.1" */
  number: string;
  /** The test's text, verbatim: the question, then the conditions it lists (if any). */
  lines: string[];
}
export interface RgaaCriterionData {
  /** "1.1" */
  number: string;
  title: string;
  tests: RgaaTestData[];
}
export interface RgaaThemeData {
  number: number;
  name: string;
  criteria: RgaaCriterionData[];
}
export interface RgaaData {
  version: '4.1.2';
  source: { label: string; url: string; licence: string; licenceUrl: string };
  themes: RgaaThemeData[];
}

interface RawCriterion {
  criterium: { number: number; title: string; tests: Record<string, string[]> };
}
interface RawData {
  topics: { topic: string; number: number; criteria: RawCriterion[] }[];
}

export const RGAA_SOURCE: RgaaData['source'] = {
  label: 'RGAA 4.1.2, critères et tests — DINUM (accessibilite.numerique.gouv.fr)',
  url: 'https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/',
  licence: 'Licence Ouverte 2.0 (Etalab)',
  licenceUrl: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
};

/** "[image porteuse d’information](#image-porteuse-d-information)" → "image porteuse d’information". */
export function stripLinks(text: string): string {
  return text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}

export function convertCriteria(raw: RawData): RgaaData {
  return {
    version: '4.1.2',
    source: RGAA_SOURCE,
    themes: raw.topics.map((topic) => ({
      number: topic.number,
      name: topic.topic,
      criteria: topic.criteria.map(({ criterium: c }) => {
        const number = `${topic.number}.${c.number}`;
        return {
          number,
          title: stripLinks(c.title),
          tests: Object.entries(c.tests)
            .sort(([a], [b]) => Number(a) - Number(b))
            .map(([n, lines]) => ({ number: `${number}.${n}`, lines: lines.map(stripLinks) })),
        };
      }),
    })),
  };
}
