// Conventions every bundled référentiel must keep (see docs/referentiel-data-guide.md).
import { describe, expect, it } from 'vitest';
import { bundledCertifications } from '@/lib/referentiels/catalog';
import { allIds, contentHash, type ReferentielLockEntry } from '@/lib/referentiels/fingerprint';
import { referentielJsonSchema } from '@/lib/referentiels/json-schema';
import { Certification } from '@/lib/referentiels/schema';
import lock from '@/lib/referentiels/referentiels.lock.json';
import committedSchema from '@/lib/referentiels/referentiel.schema.json';

const SEEDS = [
  '000_7d00098a8453cdc0.txt',
  '001_8b6fdb7575b9c73a.txt',
  '002_8c44ac07cd0ca90b.txt',
  '003_187a99d6d425784f.txt',
  '004_fd48b7d96b53dbc9.txt',
];

/** Conversion artefacts that must not survive into the data. */
const ARTEFACTS: [RegExp, string][] = [
  [/(^|[\s(«])[I1]['’][a-zàâéèêëîïôöùûüh]/, "I' ou 1' pour l'"],
  [/[’‘]/, 'apostrophe typographique (normalisée en \')'],
  [/(^|[^\p{L}])[ée]tre($|[^\p{L}])/iu, 'être sans accent'],
  [/\bguantitati/i, 'g pour q'],
  [/\bcriteres\b/i, 'critères sans accent'],
  [/<\/?[a-z][^>]*>/i, 'balise HTML'],
  [/ {2,}/, 'espaces doublées'],
  [/(^|\n)\s*[•▪=*]\s/, 'puce de conversion'],
  [/\s[,.](\s|$)/, 'espace avant une virgule ou un point'],
];

/** "C.1 à C.7" → C.1…C.7; "CS1.1 à CS1.5" → CS1.1…CS1.5 (the last number runs). */
function expandRange(range: string): string[] {
  const match = /^(.*?)(\d+)\s+(?:à|-|–)\s+(.*?)(\d+)$/.exec(range.trim());
  if (!match || match[1] !== match[3]) throw new Error(`plage illisible : ${range}`);
  const [, prefix, first, , last] = match;
  const codes: string[] = [];
  for (let n = Number(first); n <= Number(last); n++) codes.push(`${prefix}${n}`);
  return codes;
}

const texts = (cert: Certification) =>
  [
    cert.title,
    cert.disabilityProvisions ?? '',
    cert.structureNote ?? '',
    ...cert.blocs.flatMap((b) => [
      b.title,
      ...b.evaluations.flatMap((e) => [e.modality, e.production]),
      b.declared.note ?? '',
      ...b.activities.flatMap((a) => [a.title, a.text]),
      ...b.competencies.map((c) => c.text),
      ...b.criteria.flatMap((k) => [k.text, k.heading ?? '']),
    ]),
  ];

describe('expandRange', () => {
  it('expands the ranges the documents print', () => {
    expect(expandRange('C.1 à C.7')).toEqual(['C.1', 'C.2', 'C.3', 'C.4', 'C.5', 'C.6', 'C.7']);
    expect(expandRange('CS1.1 à CS1.3')).toEqual(['CS1.1', 'CS1.2', 'CS1.3']);
    expect(expandRange('C24 à C26')).toEqual(['C24', 'C25', 'C26']);
    expect(() => expandRange('C1 à D3')).toThrow();
  });
});

describe('artefact patterns', () => {
  it.each([
    ["nécessaires a I'exercice", "I' ou 1' pour l'"],
    ['égalité des chances et 1’éducation', "I' ou 1' pour l'"],
    ['peut étre amené', 'être sans accent'],
    ['données guantitatives', 'g pour q'],
    ['les criteres et les modalités', 'critères sans accent'],
    ['<b>C1.1 Analyser</b>', 'balise HTML'],
    ['• Pertinence', 'puce de conversion'],
    ['la marque , en tenant compte', 'espace avant une virgule ou un point'],
  ])('catches « %s »', (text, what) => {
    expect(ARTEFACTS.filter(([p]) => p.test(text)).map(([, w]) => w)).toContain(what);
  });
  it.each(["l'exercice", 'être', 'quantitatives', "Il a l'usage de la marque, en tenant compte", 'C1.1 Analyser'])('accepts « %s »', (text) => {
    expect(ARTEFACTS.filter(([p]) => p.test(text))).toEqual([]);
  });
});

describe('bundled référentiels', () => {
  it('has one certification per source document', () => {
    expect(bundledCertifications.map((c) => c.sourceFile).sort()).toEqual(SEEDS);
  });

  it.each(bundledCertifications.map((c) => [c.id, c] as const))('%s validates against the schema', (_id, cert) => {
    const result = Certification.safeParse(cert);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('uses ids unique across every certification', () => {
    const ids = bundledCertifications.flatMap(allIds);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it.each(bundledCertifications.map((c) => [c.id, c] as const))('%s keeps every id it ever had, and bumps dataVersion when its text changes', (id, cert) => {
    const entry = (lock as Record<string, ReferentielLockEntry>)[id];
    expect(entry, `${id} absent du verrou : lancez npm run referentiels:lock`).toBeDefined();
    const ids = new Set(allIds(cert));
    expect(entry!.ids.filter((old) => !ids.has(old))).toEqual([]);
    expect(allIds(cert).filter((now) => !entry!.ids.includes(now)), 'nouveaux ids : npm run referentiels:lock').toEqual([]);
    if (contentHash(cert) !== entry!.contentHash) {
      expect(cert.dataVersion, 'texte modifié : augmentez dataVersion puis npm run referentiels:lock').toBeGreaterThan(entry!.dataVersion);
    }
  });

  it.each(bundledCertifications.map((c) => [c.id, c] as const))('%s reconciles each bloc with the range and count the document declares', (_id, cert) => {
    for (const bloc of cert.blocs) {
      const { competencyRange, competencyCount, note } = bloc.declared;
      const codes = bloc.competencies.map((c) => c.code);
      const expected = competencyRange ? expandRange(competencyRange) : null;
      const agrees =
        (!expected || JSON.stringify(expected) === JSON.stringify(codes)) &&
        (competencyCount === null || competencyCount === codes.length);
      // Where the document contradicts itself, the data follows its table and says so.
      if (!agrees) expect(note, `bloc ${bloc.code} : ${competencyRange} / ${competencyCount} ≠ ${codes.join(' ')}`).toBeTruthy();
      if (expected && competencyCount !== null) expect(competencyCount, `bloc ${bloc.code}`).toBe(expected.length);
    }
  });

  it.each(bundledCertifications.map((c) => [c.id, c] as const))('%s evaluates every competency somewhere', (_id, cert) => {
    for (const bloc of cert.blocs) {
      const blocWide = bloc.criteria.some((k) => k.scope.type === 'bloc');
      const attached = new Set(bloc.criteria.flatMap((k) => k.scope.competencyIds));
      const orphans = blocWide ? [] : bloc.competencies.filter((c) => !attached.has(c.id)).map((c) => c.code);
      expect(orphans, `bloc ${bloc.code}`).toEqual([]);
    }
  });

  it.each(bundledCertifications.map((c) => [c.id, c] as const))('%s carries no conversion artefact', (_id, cert) => {
    const found = texts(cert).flatMap((text) =>
      ARTEFACTS.filter(([pattern]) => pattern.test(text)).map(([, what]) => `${what} : « ${text.slice(0, 80)} »`),
    );
    expect(found).toEqual([]);
  });

  it.each(bundledCertifications.map((c) => [c.id, c] as const))('%s marks every lost passage as a gap with empty text', (_id, cert) => {
    for (const bloc of cert.blocs) {
      for (const item of [...bloc.competencies, ...bloc.criteria]) expect(item.gap).toBe(item.text === '');
    }
  });

  it('publishes an up-to-date JSON Schema (npm run schema)', () => {
    expect(committedSchema).toEqual(JSON.parse(JSON.stringify(referentielJsonSchema())));
  });
});
