// Importing a backup: everything or nothing, hostile files refused in French with nothing
// written, référentiels checked, conflicts settled, older formats upgraded step by step.
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildEnvelope, envelopeBlob } from '@/lib/export/backup';
import type { Envelope } from '@/lib/export/envelope';
import { ImportConflictError, ImportError } from '@/lib/text/file-errors';
import { importBackup, importBackupFile, planImport, readBackup, MAX_IMPORT_BYTES } from '@/lib/export/import';
import { UPGRADES, upgradeEnvelope, type FormatUpgrade } from '@/lib/export/upgrades';
import { WorkspaceDb } from '@/lib/workspace/db';
import { storageErrorMessage } from '@/lib/workspace/errors';
import { historyOf } from '@/lib/workspace/history';
import { fixtureCertification } from '../../fixtures/certification';
import { counts, customCertification, randomWorkspace, seed } from '../../fixtures/exports/random-workspace';

const certifications = [fixtureCertification];
const freshDb = () => new WorkspaceDb(`import-${crypto.randomUUID()}`);

beforeEach(() => {
  vi.stubGlobal('Blob', NodeBlob);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** A valid backup of a random workspace (seed 3: two candidates, a screenshot, history). */
async function sample(seedNumber = 3): Promise<{ envelope: Envelope; text: string }> {
  const db = freshDb();
  await seed(db, randomWorkspace(seedNumber));
  const envelope = await buildEnvelope(db, 'all', { now: Date.UTC(2024, 2, 14) });
  return { envelope, text: await envelopeBlob(envelope).text() };
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

async function refused(db: WorkspaceDb, source: Parameters<typeof readBackup>[0]): Promise<ImportError> {
  const before = await counts(db);
  const error = await importBackupFile(db, source, { who: 'X', certifications }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect(await counts(db)).toEqual(before);
  return error as ImportError;
}

describe('hostile and malformed files: refused in French, nothing written', () => {
  let db: WorkspaceDb;
  beforeEach(async () => {
    db = freshDb();
    // A database that already holds work: nothing of it may change either.
    await seed(db, randomWorkspace(11));
  });

  it('truncated JSON', async () => {
    const { text } = await sample();
    const error = await refused(db, text.slice(0, Math.floor(text.length / 2)));
    expect(error.code).toBe('malformed-json');
    expect(error.message).toMatch(/incomplet.*tronqué/);
  });

  it('broken JSON: names the line and column', async () => {
    const error = await refused(db, '{\n  "format": "grille-backup",\n  "formatVersion": 1,,\n}');
    expect(error.message).toBe("Le fichier n'est pas un JSON valide, ligne 3, colonne 22 : virgule en trop, un nom de champ entre guillemets attendu. Il est peut-être abîmé ou a été modifié à la main.");
  });

  it('another format, or a référentiel given as a backup', async () => {
    expect((await refused(db, JSON.stringify({ format: 'autre-outil', formatVersion: 1 }))).message).toBe('Ce fichier n’est pas une sauvegarde Grille (format « autre-outil »).');
    expect((await refused(db, JSON.stringify(fixtureCertification))).message).toMatch(/C’est un référentiel/);
    expect((await refused(db, '[1, 2]')).code).toBe('wrong-format');
    expect((await refused(db, 'null')).code).toBe('wrong-format');
  });

  it('a newer format version', async () => {
    const { envelope } = await sample();
    const error = await refused(db, JSON.stringify({ ...envelope, formatVersion: 99 }));
    expect(error.code).toBe('newer-version');
    expect(error.message).toMatch(/ce fichier vient d'une version plus récente de Grille/i);
  });

  it('a 300 MB file, refused before it is read', async () => {
    const text = vi.fn();
    const error = await refused(db, { size: 300 * 1024 * 1024, text });
    expect(text).not.toHaveBeenCalled();
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(`Ce fichier fait 300 Mo : Grille importe au plus 200 Mo d'un coup. Exportez plutôt les évaluations une par une.`);
    expect(MAX_IMPORT_BYTES).toBe(200 * 1024 * 1024);
  });

  it('a 10 MB string where 100 000 characters are allowed', async () => {
    const { envelope } = await sample();
    const bad = clone(envelope);
    bad.data.assessments[0]!.observation = 'x'.repeat(10 * 1024 * 1024);
    const error = await refused(db, JSON.stringify(bad));
    expect(error.code).toBe('invalid');
    expect(error.details[0]).toMatch(/^assessments\[0\]\.observation : texte trop long \(au plus 100\s000 caractères\)$/);
  });

  it('a wrong type, named by its path', async () => {
    const { envelope } = await sample();
    const bad = clone(envelope) as unknown as { data: { evaluations: Record<string, unknown>[] } };
    bad.data.evaluations[0]!.blocIds = 'tc-b1';
    const error = await refused(db, JSON.stringify(bad));
    expect(error.message).toBe('Fichier refusé, rien n’a été importé — evaluations[0].blocIds : attendu une liste de textes');
  });

  it('missing, unknown and out-of-list fields', async () => {
    const { envelope } = await sample();
    const bad = clone(envelope) as unknown as { data: Record<string, Record<string, unknown>[]> };
    delete bad.data.candidates![0]!.name;
    bad.data.evaluations![0]!.extra = 1;
    bad.data.assessments![0]!.status = 'presque';
    const error = await refused(db, JSON.stringify(bad));
    expect(error.details).toEqual(
      expect.arrayContaining([
        'candidates[0].name : champ manquant',
        'evaluations[0] : champ inconnu : extra',
        expect.stringMatching(/^assessments\[0\]\.status : « presque » n'est pas une valeur permise \(attendu : non-evalue, acquis/),
      ]),
    );
  });

  it('__proto__ keys, anywhere', async () => {
    const { text } = await sample();
    const error = await refused(db, text.replace('"data":{', '"data":{"__proto__":{"polluted":true},'));
    expect(error.code).toBe('forbidden-key');
    expect(error.message).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nested = await refused(db, text.replace('"before":', '"before":{"__proto__":{"x":1}},"ignored":'));
    expect(nested.code).toBe('forbidden-key');
  });

  it('an unknown référentiel, or a version this Grille does not have', async () => {
    const { envelope } = await sample();
    const unknown = clone(envelope);
    unknown.data.evaluations[0]!.certificationId = 'titre-inconnu';
    const error = await refused(db, JSON.stringify(unknown));
    expect(error.code).toBe('unknown-referentiel');
    expect(error.message).toMatch(/^Fichier refusé, rien n’a été importé — référentiel inconnu : titre-inconnu version \d+ \(évaluation de /);
    const future = clone(envelope);
    const bundled = future.data.evaluations.find((e) => e.certificationId === 'test-certification')!;
    bundled.referentielVersion = 4;
    expect((await refused(db, JSON.stringify(future))).message).toMatch(/référentiel inconnu : test-certification version 4/);
  });

  it('dangling references and duplicates', async () => {
    const { envelope } = await sample();
    const bad = clone(envelope);
    bad.data.evaluations.push({ ...bad.data.evaluations[0]! });
    bad.data.assessments.push({ ...bad.data.assessments[0]!, evaluationId: 'nulle-part' });
    const error = await refused(db, JSON.stringify(bad));
    expect(error.details).toEqual(expect.arrayContaining([expect.stringMatching(/^evaluations\[\d+\] : en double/), expect.stringMatching(/^assessments\[\d+\]\.evaluationId : évaluation absente du fichier \(nulle-part\)$/)]));
  });

  it('a custom référentiel that takes a bundled id, or clashes with one installed here', async () => {
    const { envelope } = await sample();
    const bad = clone(envelope);
    bad.data.customReferentiels = [{ id: 'test-certification', dataVersion: 3, certification: fixtureCertification, importedAt: 1, source: 'x' }];
    expect((await refused(db, JSON.stringify(bad))).code).toBe('referentiel-conflict');
    await db.customReferentiels.put({ id: 'ecole-custom', dataVersion: 1, certification: { ...customCertification(1), title: 'Autre contenu' }, importedAt: 1, source: 'y' });
    const clash = clone(envelope);
    clash.data.customReferentiels = [{ id: 'ecole-custom', dataVersion: 1, certification: customCertification(1), importedAt: 1, source: 'x' }];
    expect((await refused(db, JSON.stringify(clash))).message).toMatch(/ecole-custom version 1 est déjà installé ici avec un autre contenu/);
  });

  it('a custom référentiel carrying a field the schema does not know (« constructor », a typo), named by its path', async () => {
    const { envelope } = await sample();
    const base = customCertification(1);
    const withField = (certification: unknown) => {
      const bad = clone(envelope);
      bad.data.customReferentiels = [{ id: 'ecole-custom', dataVersion: 1, certification: certification as typeof base, importedAt: 1, source: 'x' }];
      return JSON.stringify(bad);
    };
    const constructor = await refused(db, withField({ ...base, blocs: [{ ...base.blocs[0]!, constructor: { name: 'x' } }, ...base.blocs.slice(1)] }));
    expect(constructor.details).toEqual(['customReferentiels[0].certification.blocs[0] : champ inconnu : constructor']);
    const typo = await refused(db, withField({ ...base, titre: 'faute de frappe' }));
    expect(typo.message).toBe('Fichier refusé, rien n’a été importé — customReferentiels[0].certification : champ inconnu : titre');
  });

  it('keeps markup and script in strings as text', async () => {
    const { envelope } = await sample();
    const file = clone(envelope);
    const script = '<script>document.body.innerHTML = "pwned"</script><img src=x onerror="alert(1)">';
    file.data.candidates[0]!.name = script;
    file.data.assessments[0]!.observation = script;
    const target = freshDb();
    await importBackupFile(target, JSON.stringify(file), { who: null, certifications });
    expect((await target.candidates.get(file.data.candidates[0]!.id))!.name).toBe(script);
    expect((await target.assessments.get([file.data.assessments[0]!.evaluationId, file.data.assessments[0]!.criterionId]))!.observation).toBe(script);
    expect(document.body.innerHTML).not.toContain('pwned');
  });
});

describe('all or nothing', () => {
  it('a row that violates a key midway writes nothing, and the message names no internal error', async () => {
    const db = freshDb();
    await seed(db, randomWorkspace(11));
    const { envelope } = await sample(3);
    // A stray assessment here under the key of the file's last one: its bulkAdd fails midway.
    const last = envelope.data.assessments[envelope.data.assessments.length - 1]!;
    const [stray] = (await db.assessments.toArray()).slice(-1);
    await db.assessments.add({ ...stray!, evaluationId: last.evaluationId, criterionId: last.criterionId });
    const before = await counts(db);
    const error = await importBackup(db, envelope, { who: null, certifications }).then(() => null, (e: unknown) => e);
    expect((error as Error).name).toBe('BulkError');
    expect(await counts(db)).toEqual(before);
    expect(await db.evaluations.get(last.evaluationId)).toBeUndefined();
    const message = storageErrorMessage(error, { kept: false });
    expect(message).toBe('Grille a voulu enregistrer un élément qui existe déjà ici (même identifiant) : rien n’a été enregistré.');
    expect(message).not.toMatch(/BulkError|ConstraintError|Réessayer/);
  });

  it('an evidence id another evaluation here already holds: the file’s row comes in under a new id, the one here untouched', async () => {
    const db = freshDb();
    await seed(db, randomWorkspace(11));
    const { envelope } = await sample(3);
    const file = clone(envelope);
    const here = (await db.evidence.toArray())[0]!;
    const theirs = file.data.evidence[file.data.evidence.length - 1]!;
    theirs.id = here.id;
    // Its history entry must follow it to its new id.
    file.data.history.push({ evaluationId: theirs.evaluationId, entity: 'evidence', entityId: here.id, action: 'create', field: null, before: null, after: { url: theirs.url }, who: 'Paul', at: 5 });
    const summary = await planImport(db, file, { certifications });
    expect(summary.heldElsewhere).toEqual({ evidence: 1, rgaaAudits: 0, aiSuggestions: 0 });
    const result = await importBackup(db, file, { who: null, certifications });
    expect(result.added).toBe(file.data.evaluations.length);
    expect(await db.evidence.get(here.id)).toEqual(here);
    const imported = (await db.evidence.where('evaluationId').equals(theirs.evaluationId).toArray()).filter((e) => e.url === theirs.url && e.capturedAt === theirs.capturedAt);
    expect(imported).toHaveLength(1);
    expect(imported[0]!.id).not.toBe(here.id);
    // The file's history of that evidence names the new id.
    const history = await historyOf(db, theirs.evaluationId);
    const named = history.filter((h) => h.entity === 'evidence').map((h) => h.entityId);
    expect(named).not.toContain(here.id);
    expect(named).toContain(imported[0]!.id);
  });

  it('a table that fails at the end (history) writes nothing', async () => {
    const db = freshDb();
    const { envelope } = await sample(3);
    vi.spyOn(db.history, 'bulkAdd').mockRejectedValueOnce(new Error('disque plein'));
    await expect(importBackup(db, envelope, { who: null, certifications })).rejects.toThrow('disque plein');
    expect(Object.values(await counts(db)).every((n) => n === 0)).toBe(true);
  });
});

describe('history and conflicts', () => {
  it('keeps the file’s history and adds one « import » entry per evaluation', async () => {
    const { envelope } = await sample(3);
    const db = freshDb();
    await importBackup(db, envelope, { who: 'Nadia', certifications, fileName: 'grille-x.json', now: 42 });
    for (const e of envelope.data.evaluations) {
      const history = await historyOf(db, e.id);
      const theirs = envelope.data.history.filter((h) => h.evaluationId === e.id);
      expect(history.slice(0, theirs.length).map(({ seq: _s, ...h }) => h)).toEqual(theirs);
      expect(history.slice(theirs.length).map(({ seq: _s, ...h }) => h)).toEqual([
        { evaluationId: e.id, entity: 'evaluation', entityId: e.id, action: 'create', field: 'import', before: null, after: { file: 'grille-x.json', exportedAt: envelope.exportedAt }, who: 'Nadia', at: 42 },
      ]);
    }
  });

  it('refuses evaluations already here by default, listing them; skip leaves them', async () => {
    const { envelope } = await sample(3);
    const db = freshDb();
    await importBackup(db, envelope, { who: null, certifications });
    const before = await counts(db);
    const error = await importBackup(db, envelope, { who: null, certifications }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportConflictError);
    expect((error as ImportConflictError).conflicts.map((c) => c.evaluationId).sort()).toEqual(envelope.data.evaluations.map((e) => e.id).sort());
    expect((error as Error).message).toMatch(/existe(nt)? déjà ici/);
    // Named as the juror knows them: candidate and certification title, no internal id.
    expect((error as ImportConflictError).details.every((d) => !envelope.data.evaluations.some((e) => d.includes(e.id) || d.includes(e.certificationId)))).toBe(true);
    expect((error as ImportConflictError).conflicts.map((c) => c.certificationTitle)).toContain(certifications[0]!.title);
    expect(await counts(db)).toEqual(before);
    expect((await planImport(db, envelope, { certifications })).conflicts).toHaveLength(envelope.data.evaluations.length);
    const result = await importBackup(db, envelope, { who: null, certifications, conflict: 'skip' });
    expect(result).toMatchObject({ skipped: envelope.data.evaluations.length, added: 0 });
    expect(await counts(db)).toEqual(before);
  });

  it('replace: the file’s rows win, the local history stays and is not doubled', async () => {
    const { envelope } = await sample(3);
    const db = freshDb();
    await importBackup(db, envelope, { who: null, certifications, now: 1 });
    const target = envelope.data.assessments[0]!;
    await db.assessments.update([target.evaluationId, target.criterionId], { observation: 'modifié ici' });
    await db.history.add({ evaluationId: target.evaluationId, entity: 'assessment', entityId: target.criterionId, action: 'update', field: 'observation', before: '', after: 'modifié ici', who: 'Local', at: 2 });
    const localHistory = (await historyOf(db, target.evaluationId)).length;
    const result = await importBackup(db, envelope, { who: null, certifications, conflict: 'replace', now: 3 });
    expect(result.replaced).toBe(envelope.data.evaluations.length);
    expect((await db.assessments.get([target.evaluationId, target.criterionId]))!.observation).toBe(target.observation);
    const history = await historyOf(db, target.evaluationId);
    expect(history).toHaveLength(localHistory + 1);
    expect(history.at(-1)).toMatchObject({ field: 'import', after: { replaced: true } });
    expect(await db.evidence.count()).toBe(envelope.data.evidence.length);
  });

  it('copy: new ids for the evaluation and its rows, references remapped, the original untouched', async () => {
    const { envelope } = await sample(3);
    const db = freshDb();
    await importBackup(db, envelope, { who: null, certifications, now: 1 });
    const before = await counts(db);
    const result = await importBackup(db, envelope, { who: null, certifications, conflict: 'copy', now: 2 });
    const n = envelope.data.evaluations.length;
    expect(result.copied).toBe(n);
    expect(await db.evaluations.count()).toBe(before.evaluations! + n);
    expect(await db.evidence.count()).toBe(before.evidence! + envelope.data.evidence.length);
    expect(await db.assessments.count()).toBe(before.assessments! + envelope.data.assessments.length);
    expect(await db.candidates.count()).toBe(before.candidates);
    for (const [i, id] of result.evaluationIds.entries()) {
      const original = envelope.data.evaluations[i]!;
      expect(id).not.toBe(original.id);
      const copy = (await db.evaluations.get(id))!;
      expect(copy).toEqual({ ...original, id });
      const evidence = await db.evidence.where('evaluationId').equals(id).toArray();
      expect(evidence.map((e) => e.id).filter((eid) => envelope.data.evidence.some((o) => o.id === eid))).toEqual([]);
      const history = await historyOf(db, id);
      expect(history.at(-1)).toMatchObject({ field: 'import', after: { copiedFrom: original.id } });
      for (const h of history) if (h.entity === 'evidence' && envelope.data.evidence.some((o) => o.id === h.entityId)) throw new Error('evidence id not remapped');
    }
  });
});

describe('format upgrades, step by step', () => {
  const steps: FormatUpgrade[] = [
    // A fake format 0 that called the certification « referentiel » and had no scope.
    {
      to: 1,
      up: (raw) => {
        const data = raw.data as { evaluations: Record<string, unknown>[] };
        return {
          ...raw,
          scope: 'all',
          data: { ...data, evaluations: data.evaluations.map(({ referentiel, ...e }) => ({ ...e, certificationId: referentiel })) },
        };
      },
    },
  ];

  it('reads a synthetic format-0 file through the chain', async () => {
    const { envelope } = await sample(3);
    const old = clone(envelope) as unknown as Record<string, unknown> & { data: { evaluations: Record<string, unknown>[] } };
    old.formatVersion = 0;
    delete old.scope;
    old.data.evaluations = old.data.evaluations.map(({ certificationId, ...e }) => ({ ...e, referentiel: certificationId }));
    await expect(readBackup(JSON.stringify(old))).rejects.toThrow(/Format de sauvegarde 0 inconnu/);
    expect(await readBackup(JSON.stringify(old), { upgrades: [...steps, ...UPGRADES] })).toEqual(envelope);
  });

  it.each([
    [-1, 'unknown-version', 'Format de sauvegarde -1 inconnu : cette version de Grille lit les formats 1 à 2.'],
    [0, 'unknown-version', 'Format de sauvegarde 0 inconnu : cette version de Grille lit les formats 1 à 2.'],
    [1.5, 'unknown-version', 'Version du format invalide : formatVersion vaut 1.5, attendu un nombre entier ; cette version de Grille lit les formats 1 à 2.'],
    ['2', 'unknown-version', 'Version du format invalide : formatVersion vaut "2" (un texte), attendu un nombre entier ; cette version de Grille lit les formats 1 à 2.'],
    [null, 'unknown-version', 'Version du format invalide : formatVersion vaut null (null), attendu un nombre entier ; cette version de Grille lit les formats 1 à 2.'],
    [undefined, 'unknown-version', 'Version du format absente (formatVersion) : ce fichier n’est pas une sauvegarde Grille lisible.'],
    [3, 'newer-version', "Ce fichier vient d'une version plus récente de Grille (format 3, cette version lit jusqu'au format 2) : mettez Grille à jour pour l'importer."],
  ])('formatVersion %j: its own exact words, naming the formats this Grille reads', async (version, code, message) => {
    const { envelope } = await sample();
    const file = { ...clone(envelope), formatVersion: version };
    const error = await readBackup(JSON.stringify(file)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code, message });
  });

  it('names the range of formats a chain reads, never a conversion target', () => {
    const chain: FormatUpgrade[] = [2, 3].map((to) => ({ to, up: (raw) => raw }));
    expect(() => upgradeEnvelope({ formatVersion: 0 }, 3, chain)).toThrow(/^Format de sauvegarde 0 inconnu : cette version de Grille lit les formats 1 à 3\.$/);
    expect(() => upgradeEnvelope({ formatVersion: -1 }, 3, chain)).toThrow(/^Format de sauvegarde -1 inconnu : cette version de Grille lit les formats 1 à 3\.$/);
    expect(upgradeEnvelope({ formatVersion: 1 }, 3, chain)).toEqual({ formatVersion: 3 });
  });

  it('applies every step in order', () => {
    const seen: number[] = [];
    const chain: FormatUpgrade[] = [3, 1, 2].map((to) => ({ to, up: (raw) => (seen.push(to), { ...raw, trail: [...((raw.trail as number[]) ?? []), to] }) }));
    expect(upgradeEnvelope({ formatVersion: 0 }, 3, chain)).toEqual({ formatVersion: 3, trail: [1, 2, 3] });
    expect(seen).toEqual([1, 2, 3]);
    expect(upgradeEnvelope({ formatVersion: 2, trail: [] }, 3, chain)).toEqual({ formatVersion: 3, trail: [3] });
    expect(() => upgradeEnvelope({ formatVersion: '1' }, 3, chain)).toThrow(/formatVersion/);
  });
});
