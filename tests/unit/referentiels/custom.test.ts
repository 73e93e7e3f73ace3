// Custom référentiels: JSON (the bundled format) or the CSV template, errors naming the row and
// column or the field path, stable ids, versions kept beside each other.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledCertifications } from '@/lib/referentiels/catalog';
import { Certification } from '@/lib/referentiels/schema';
import { certificationFromCsv, certificationFromJson, previewCertification, readReferentielFile, ReferentielImportError } from '@/lib/referentiels/custom';
import { allCertifications, certificationVersion, customVersions, saveCustomReferentiel } from '@/lib/workspace/custom-referentiels';
import { parseCsv, readCsv } from '@/lib/referentiels/custom/csv';
import { WorkspaceDb } from '@/lib/workspace/db';
import { fixtureCertification } from '../../fixtures/certification';

const exampleJson = readFileSync('docs/examples/referentiel-example.json', 'utf8');
const templateCsv = readFileSync('docs/examples/referentiel-template.csv', 'utf8');
const comparable = ({ $schema: _s, sourceFile: _f, ...rest }: Certification) => rest;

function problems(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ReferentielImportError) return error.problems;
    throw error;
  }
  throw new Error('accepted');
}

const HEADER = 'certification_id;certification_title;bloc_code;bloc_title;competency_code;competency_text;modality;criterion_text;deliverable_kinds;topics';
const row = (over: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    certification_id: 'ecole-x',
    certification_title: 'Titre de l’école',
    bloc_code: '1',
    bloc_title: 'Bloc un',
    competency_code: 'C1',
    competency_text: 'Faire',
    modality: 'Oral',
    criterion_text: 'Le candidat fait',
    deliverable_kinds: 'presentation',
    topics: 'strategy',
    ...over,
  };
  return HEADER.split(';').map((h) => base[h]).join(';');
};

describe('the published examples', () => {
  it('the JSON example and the CSV template import to the same certification', () => {
    const fromJson = certificationFromJson(exampleJson);
    const fromCsv = certificationFromCsv(templateCsv, 'referentiel-template.csv');
    expect(comparable(fromCsv)).toEqual(comparable(fromJson));
    expect(fromCsv.sourceFile).toBe('referentiel-template.csv');
    expect(previewCertification(fromCsv)).toMatchObject({ id: 'exemple-communication-digitale', totals: { blocs: 2, competencies: 4, criteria: 7 } });
  });

  it('derives stable opaque ids from the certification id, the codes and the position', () => {
    const cert = certificationFromCsv(templateCsv, 't.csv');
    const [b1, b2] = cert.blocs;
    expect(b1!.id).toBe('exemple-communication-digitale-b-bc01');
    expect(b1!.competencies.map((c) => c.id)).toEqual(['exemple-communication-digitale-b-bc01-c-c1', 'exemple-communication-digitale-b-bc01-c-c2']);
    expect(b1!.criteria.map((c) => c.id)).toEqual([1, 2, 3, 4, 5].map((n) => `exemple-communication-digitale-b-bc01-k00${n}`));
    expect(b1!.criteria.map((c) => c.scope.type)).toEqual(['competency', 'competency', 'competency', 'competencies', 'bloc']);
    expect(b1!.criteria[2]!.text).toBe('Le plan de contenus précise pour chaque canal :\n- la cible\n- le calendrier de publication');
    expect(b2!.optional).toBe(true);
    expect(b2!.evaluations.map((e) => [e.modality, e.competencyIds])).toEqual([
      ['Mise en situation professionnelle', ['exemple-communication-digitale-b-bc02-c-c3']],
      ['Soutenance orale', ['exemple-communication-digitale-b-bc02-c-c4']],
    ]);
    // Same file, same ids.
    expect(certificationFromCsv(templateCsv, 't.csv')).toEqual(cert);
  });
});

describe('CSV reading', () => {
  it('reads comma or semicolon, with or without BOM, CRLF or LF, quotes and line breaks in cells', () => {
    const semicolon = certificationFromCsv(templateCsv, 'a.csv');
    const comma = templateCsv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .join('\n');
    const table = parseCsv(templateCsv);
    expect(table.delimiter).toBe(';');
    const asComma = table.header.join(',') + '\n' + table.records.map((r) => r.cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
    expect(comparable(certificationFromCsv(asComma, 'b.csv'))).toEqual(comparable(semicolon));
    expect(comparable(certificationFromCsv(comma, 'c.csv'))).toEqual(comparable(semicolon));
    expect(parseCsv('a;b\r\n"x ""y""\r\nz";2\r\n\r\n').records).toEqual([{ line: 2, cells: ['x "y"\nz', '2'] }]);
  });

  it('reads any CSV into rows with the line each starts on, and names problems by line, in French', () => {
    // BOM, a lone CR (old Mac files), blank and whitespace-only lines skipped, a line break inside quotes.
    expect(readCsv('\uFEFFnom,prénom\r\n\r\n"Durand\r\nMartin",Léa\rRoux,Paul\n   \n,\n')).toEqual({
      delimiter: ',',
      rows: [
        { line: 1, cells: ['nom', 'prénom'] },
        { line: 3, cells: ['Durand\nMartin', 'Léa'] },
        { line: 5, cells: ['Roux', 'Paul'] },
        { line: 7, cells: ['', ''] },
      ],
      problems: [],
    });
    expect(readCsv('a;b\n"x\n\ny";"ouvert\nz').problems).toEqual(['ligne 4 : guillemet ouvert jamais fermé (le reste du fichier serait lu comme une seule cellule).']);
    // Text after a closing quote (RFC 4180 does not allow it; the former reader kept « abcd »).
    expect(readCsv('a;b\n"ab"cd;e\n1;2').problems).toEqual(['ligne 2 : texte après un guillemet fermant : dans un champ entre guillemets, doublez les guillemets du texte ("").']);
    expect(readCsv('a;b', ',').rows).toEqual([{ line: 1, cells: ['a;b'] }]);
  });

  it('names the line and column of each problem', () => {
    const csv = [HEADER, row(), row({ topics: 'seoo|content' }), row({ deliverable_kinds: '' }), row({ bloc_code: '' })].join('\n');
    expect(problems(() => certificationFromCsv(csv, 'x.csv'))).toEqual([
      expect.stringMatching(/^ligne 3, colonne topics : « seoo » n'est pas un thème connu/),
      expect.stringMatching(/^ligne 4, colonne deliverable_kinds : au moins un type de livrable/),
      'ligne 5, colonne bloc_code : code du bloc manquant',
    ]);
  });

  it('counts lines across quoted line breaks', () => {
    const csv = [HEADER, row({ criterion_text: '"une\ndeux\ntrois"' }), row({ topics: 'nope' })].join('\n');
    expect(problems(() => certificationFromCsv(csv, 'x.csv'))[0]).toMatch(/^ligne 5, colonne topics : « nope »/);
  });

  it('refuses missing columns, an invalid id, inconsistent certification values, an unclosed quote', () => {
    expect(problems(() => certificationFromCsv('certification_id,bloc_code\nx,1', 'x.csv'))[0]).toMatch(/^en-tête : colonnes manquantes : certification_title, bloc_title, modality, criterion_text, deliverable_kinds, topics/);
    expect(problems(() => certificationFromCsv([HEADER, row({ certification_id: 'École X' })].join('\n'), 'x.csv'))).toEqual([
      expect.stringMatching(/^ligne 2, colonne certification_id : « École X » n'est pas un identifiant valide/),
    ]);
    expect(problems(() => certificationFromCsv([HEADER, row(), row({ certification_title: 'Autre' })].join('\n'), 'x.csv'))[0]).toMatch(/^ligne 3, colonne certification_title : « Autre » diffère de la ligne 2/);
    expect(problems(() => certificationFromCsv([HEADER, row({ criterion_text: '"ouvert' })].join('\n'), 'x.csv'))).toEqual([expect.stringMatching(/^ligne 2 : guillemet ouvert jamais fermé/)]);
    expect(problems(() => certificationFromCsv([HEADER, row({ competency_text: '' })].join('\n'), 'x.csv'))).toEqual([expect.stringMatching(/^ligne 2, colonne competency_text : texte de la compétence C1 manquant/)]);
  });

  it('refuses an unknown column, « constructor », « __proto__ » and « prototype » included, naming it', () => {
    for (const column of ['critere', 'constructor', '__proto__', 'prototype', 'tostring']) {
      const csv = [`${HEADER};${column}`, `${row()};x`].join('\n');
      expect(problems(() => certificationFromCsv(csv, 'x.csv')), column).toEqual([`en-tête, colonne ${column} : colonne inconnue (vérifiez son nom)`]);
    }
  });

  it('uses criterion_id when given, and maps schema errors back to the line', () => {
    const header = `${HEADER};criterion_id`;
    const ok = certificationFromCsv([header, `${row()};mon-critere-1`].join('\n'), 'x.csv');
    expect(ok.blocs[0]!.criteria[0]!.id).toBe('mon-critere-1');
    const twice = [header, `${row()};meme`, `${row()};meme`].join('\n');
    expect(problems(() => certificationFromCsv(twice, 'x.csv'))).toEqual(['ligne 3 : blocs[0].criteria[1].id : identifiant en double : meme']);
  });

  it('keeps markup in texts as text', () => {
    const cert = certificationFromCsv([HEADER, row({ criterion_text: '<script>alert(1)</script>' })].join('\n'), 'x.csv');
    expect(cert.blocs[0]!.criteria[0]!.text).toBe('<script>alert(1)</script>');
  });
});

describe('JSON reading', () => {
  it('names the field path of each problem', () => {
    const bad = JSON.parse(exampleJson);
    bad.blocs[0].criteria[1].topics = ['seoo'];
    delete bad.title;
    expect(problems(() => certificationFromJson(JSON.stringify(bad)))).toEqual([
      'title : champ manquant',
      expect.stringMatching(/^blocs\[0\]\.criteria\[1\]\.topics\[0\] : « seoo » n'est pas une valeur permise \(attendu : accessibility, /),
    ]);
    expect(problems(() => certificationFromJson('{"blocs": [')).join()).toMatch(/incomplet/);
    expect(problems(() => certificationFromJson('{"format":"grille-backup"}'))).toEqual([expect.stringMatching(/sauvegarde Grille/)]);
  });

  it('refuses an unknown field wherever it stands, naming it and its path, as backups do (nothing dropped silently)', () => {
    const bad = JSON.parse(exampleJson);
    bad.titre = 'faute de frappe';
    bad.blocs[0].criteria[1].note = 'à revoir';
    bad.blocs[0].criteria[0].scope.extra = 1;
    bad.blocs[1].declared.source = 'p. 3';
    // zod reports an object's own unknown keys after those of the objects it holds.
    expect(problems(() => certificationFromJson(JSON.stringify(bad)))).toEqual([
      'blocs[0].criteria[0].scope : champ inconnu : extra',
      'blocs[0].criteria[1] : champ inconnu : note',
      'blocs[1].declared : champ inconnu : source',
      '(racine) : champ inconnu : titre',
    ]);
  });

  it.each([
    ['constructor', '(racine)', (cert: any) => cert],
    ['__proto__', 'blocs[0]', (cert: any) => cert.blocs[0]],
    ['prototype', 'blocs[1].competencies[0]', (cert: any) => cert.blocs[1].competencies[0]],
  ])('refuses a « %s » key in %s, named with its path', (key, at, target) => {
    const cert = JSON.parse(exampleJson);
    // Written into the text itself: JSON.stringify would drop a __proto__ set by assignment.
    const marker = 'marqueur-de-test';
    target(cert)[marker] = { polluted: true };
    const text = JSON.stringify(cert, null, 2).replace(`"${marker}"`, `"${key}"`);
    const before = text.slice(0, text.indexOf(`"${key}"`)).split('\n');
    const where = `ligne ${before.length}, colonne ${before.at(-1)!.length + 1}`;
    const path = at === '(racine)' ? key : `${at}.${key}`;
    expect(problems(() => certificationFromJson(text))).toEqual([
      `Le fichier contient une clé interdite (« ${key} », en ${path}, ${where}) : il a pu être fabriqué pour nuire, il n'est pas importé.`,
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['constructor', []],
    ['__proto__', ['blocs', 0]],
    ['prototype', ['blocs', 1, 'competencies', 0]],
  ] as const)('the schema itself refuses an own « %s » field at %j (a référentiel that did not come through the scan)', (key, path) => {
    const cert = JSON.parse(exampleJson);
    let target = cert;
    for (const step of path) target = target[step];
    target.marker = 1;
    // JSON.parse makes « __proto__ » an own property, as a file read without the scan would.
    const raw = JSON.parse(JSON.stringify(cert).replace('"marker"', `"${key}"`));
    let held = raw;
    for (const step of path) held = held[step];
    expect(Object.hasOwn(held, key)).toBe(true);
    const result = Certification.safeParse(raw);
    expect(result.success ? [] : result.error.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: [key], path })]);
  });

  it('reads the JSON with Grille\'s own scan: a fault named in French by line and column, nesting refused before parsing', () => {
    // The example's line 4 is its title: without its comma, line 5 starts where the comma was expected.
    const broken = exampleJson.replace('(référentiel fictif)",', '(référentiel fictif)"');
    expect(broken).not.toBe(exampleJson);
    const [line, column] = [5, 3];
    expect(problems(() => certificationFromJson(broken))).toEqual([
      `Le fichier n'est pas un JSON valide, ligne ${line}, colonne ${column} : caractère inattendu « \" », une virgule « , » ou « } » attendue. Il est peut-être abîmé ou a été modifié à la main.`,
    ]);
    expect(problems(() => certificationFromJson(`{"blocs": ${'['.repeat(100_000)}`))).toEqual([
      "Le fichier imbrique plus de 64 niveaux de listes ou d'objets (ligne 1, colonne 74) : aucune sauvegarde ni aucun référentiel Grille n'en a autant, il n'est pas importé.",
    ]);
    expect(problems(() => certificationFromJson('{"blocs": [],\n}'))).toEqual([
      "Le fichier n'est pas un JSON valide, ligne 2, colonne 1 : virgule en trop avant « } ». Il est peut-être abîmé ou a été modifié à la main.",
    ]);
  });

  it.each(bundledCertifications.map((c) => [c.id] as const))('imports the bundled %s from its file text, as a school copying it would', (id) => {
    const text = readFileSync(`lib/referentiels/data/${id}.json`, 'utf8');
    expect(comparable(certificationFromJson(text))).toEqual(comparable(bundledCertifications.find((c) => c.id === id)!));
  });

  it('reads a file by extension or content, size first', async () => {
    const file = (name: string, text: string) => ({ name, size: text.length, text: async () => text });
    expect((await readReferentielFile(file('r.json', exampleJson))).format).toBe('json');
    expect((await readReferentielFile(file('r.csv', templateCsv))).format).toBe('csv');
    expect((await readReferentielFile(file('r.txt', exampleJson))).format).toBe('json');
    await expect(readReferentielFile({ name: 'big.json', size: 50 * 1024 * 1024, text: async () => '' })).rejects.toThrow(/au plus 5 Mo/);
  });
});

describe('storage', () => {
  let db: WorkspaceDb;
  beforeEach(() => {
    db = new WorkspaceDb(`custom-${crypto.randomUUID()}`);
  });
  const bundled = [fixtureCertification];
  const v = (dataVersion: number, title = 'Exemple') => ({ ...certificationFromJson(exampleJson), dataVersion, title });

  it('refuses the id of a bundled certification', async () => {
    await expect(saveCustomReferentiel(db, { ...fixtureCertification, dataVersion: 9 }, 'x.json', { bundled })).rejects.toThrow(/fournie avec Grille/);
    expect(await db.customReferentiels.count()).toBe(0);
  });

  it('keeps a new version beside the old one; evaluations keep theirs; pickers get the latest', async () => {
    expect((await saveCustomReferentiel(db, v(1, 'Exemple v1'), 'a.json', { bundled })).status).toBe('added');
    expect((await saveCustomReferentiel(db, v(1, 'Exemple v1'), 'again.json', { bundled })).status).toBe('unchanged');
    await expect(saveCustomReferentiel(db, v(1, 'Autre texte'), 'b.json', { bundled })).rejects.toThrow(/déjà installée avec un autre contenu/);
    const second = await saveCustomReferentiel(db, v(2, 'Exemple v2'), 'c.json', { bundled });
    expect(second).toMatchObject({ status: 'added', previousVersions: [1] });
    expect(await customVersions(db, 'exemple-communication-digitale')).toEqual([1, 2]);
    expect((await allCertifications(db, bundled)).map((c) => [c.id, c.dataVersion])).toEqual([
      ['test-certification', 3],
      ['exemple-communication-digitale', 2],
    ]);
    expect((await certificationVersion(db, 'exemple-communication-digitale', 1, bundled))?.title).toBe('Exemple v1');
    expect((await certificationVersion(db, 'exemple-communication-digitale', 2, bundled))?.title).toBe('Exemple v2');
    expect(await certificationVersion(db, 'exemple-communication-digitale', 3, bundled)).toBeUndefined();
    expect(await certificationVersion(db, 'test-certification', 2, bundled)).toBe(fixtureCertification);
    expect(await certificationVersion(db, 'test-certification', 4, bundled)).toBeUndefined();
  });
});
