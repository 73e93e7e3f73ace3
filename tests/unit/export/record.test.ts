// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { planText } from '@/lib/export/plan';
import { buildEvaluationRecord, buildSessionRecords, ExportError } from '@/lib/export/record';
import { recordPlan } from '@/lib/export/record-plan';
import { rgaaCriterion } from '@/lib/rgaa/criteria';
import { WorkspaceDb } from '@/lib/workspace/db';
import { RNCP_ITEM_ID, setGapText } from '@/lib/workspace/gap-texts';
import { openAudit, setCriterion } from '@/lib/rgaa/audits';
import { AUDITED_PAGE, exportCertification, SAMPLE, SCREENSHOT, seedExportSession, T0 } from '../../fixtures/export-session';

let db: WorkspaceDb;
beforeEach(() => {
  db = new WorkspaceDb(`export-record-${crypto.randomUUID()}`);
});

describe('buildEvaluationRecord', () => {
  it('gathers the evaluation in référentiel order: blocs, groups of criteria, statuses, observations', async () => {
    const id = await seedExportSession(db);
    const record = await buildEvaluationRecord(db, id, [exportCertification], { now: 1 });
    expect(record.candidate.name).toBe(SAMPLE.candidate);
    expect(record.mode).toBe('jury');
    expect(record.jurors).toEqual(SAMPLE.jurors);
    expect(record.certification).toMatchObject({ title: 'Certification de test', rncp: 'RNCP38999' });
    expect(record.referentielVersion).toBe(3);
    expect(record.loadedVersion).toBe(3);
    expect(record.blocs.map((b) => b.code)).toEqual(['1', '2']);
    const [b1, b2] = record.blocs;
    expect(b1!.groups.map((g) => [g.kind, g.code, g.criteria.map((c) => c.code)])).toEqual([
      ['competency', 'C1', ['C1 · critère 1']],
      ['competency', 'C2', []],
      ['competencies', 'C1+C2', ['C1+C2 · critère 1']],
      ['bloc', 'Bloc 1', ['Bloc 1 · critère 1', 'Bloc 1 · critère 2']],
    ]);
    expect(b1!.modalities).toEqual([{ modality: 'Étude de cas', production: 'Un dossier écrit', competencyCodes: [] }]);
    expect(b2!.modalities.map((m) => m.modality)).toEqual(['Mise en situation professionnelle', 'Soutenance orale']);
    const criteria = record.blocs.flatMap((b) => b.groups.flatMap((g) => g.criteria));
    const byId = new Map(criteria.map((c) => [c.id, c]));
    expect(byId.get('tc-k001')).toMatchObject({ status: 'acquis', observation: SAMPLE.observationK001, aiAssisted: false });
    expect(byId.get('tc-k002')).toMatchObject({ status: 'exempte', exemptionReason: SAMPLE.exemptionReason });
    expect(byId.get('tc-k003')).toMatchObject({ status: 'partiellement-acquis', aiAssisted: true, updatedBy: 'Jean Dupont' });
    expect(byId.get('tc-k004')).toMatchObject({ gap: true, text: '', gapText: SAMPLE.gapText, status: 'non-acquis' });
    expect(b1!.counts).toMatchObject({ acquis: 1, exempte: 1, 'partiellement-acquis': 1, 'non-acquis': 1, remaining: 0, total: 4 });
  });

  it('attaches evidence to each criterion it backs, numbered in capture order, screenshots as bytes', async () => {
    const id = await seedExportSession(db);
    const record = await buildEvaluationRecord(db, id, [exportCertification]);
    expect(record.evidence.map((e) => [e.number, e.kind])).toEqual([
      [1, 'quote'],
      [2, 'link'],
      [3, 'screenshot'],
      [4, 'finding'],
      [5, 'link'],
    ]);
    const k001 = record.blocs[0]!.groups[0]!.criteria[0]!;
    expect(k001.evidence.map((e) => e.number)).toEqual([1, 3]);
    const shot = record.evidence[2]!;
    expect(shot.image).toMatchObject({ format: 'png', width: 320, height: 180, embeddable: true, mime: 'image/png' });
    expect([...shot.image!.bytes]).toEqual([...SCREENSHOT]);
    expect(record.evidence[3]!.finding).toMatchObject({ ruleId: 'seo-title-length', outcome: 'fail' });
    // Backs no criterion: listed apart.
    expect(record.unattached.map((e) => e.number)).toEqual([5]);
  });

  it('keeps bloc and competency decisions with motivation, who and when', async () => {
    const id = await seedExportSession(db);
    const record = await buildEvaluationRecord(db, id, [exportCertification]);
    expect(record.blocs[0]!.decision).toMatchObject({ decision: 'valide', comment: '', decidedBy: 'Nadia Benali' });
    expect(record.blocs[1]!.decision).toMatchObject({ decision: 'ajourne', comment: SAMPLE.blocMotivation, decidedBy: 'Jean Dupont' });
    expect(record.blocs[0]!.groups[0]!.decision).toMatchObject({ decision: 'acquise', comment: SAMPLE.competencyComment });
  });

  it('skips screenshot bytes when asked (CSV)', async () => {
    const id = await seedExportSession(db);
    const record = await buildEvaluationRecord(db, id, [exportCertification], { images: false });
    expect(record.evidence[2]!.image).toBeNull();
  });

  it('shows only the evaluated blocs', async () => {
    const id = await seedExportSession(db);
    await db.evaluations.update(id, { blocIds: ['tc-b2'] });
    const record = await buildEvaluationRecord(db, id, [exportCertification]);
    expect(record.blocs.map((b) => b.id)).toEqual(['tc-b2']);
    // Evidence backing only bloc 1's criteria is now listed apart; the quote also backs C3's criterion.
    expect(record.unattached.map((e) => e.number)).toEqual([2, 3, 4, 5]);
  });

  it('uses the version the evaluation was made with, or says which one it falls back to', async () => {
    const id = await seedExportSession(db);
    const newer = { ...exportCertification, dataVersion: 4 };
    expect((await buildEvaluationRecord(db, id, [newer, exportCertification])).loadedVersion).toBe(3);
    const fallback = await buildEvaluationRecord(db, id, [newer]);
    expect([fallback.referentielVersion, fallback.loadedVersion]).toEqual([3, 4]);
  });

  it('names the référentiel by title, version and RNCP code — the one the jury entered when the référentiel states none — never by its file', async () => {
    const id = await seedExportSession(db);
    const unstated = { ...exportCertification, rncp: null };
    const identification = async () => planText(recordPlan(await buildEvaluationRecord(db, id, [unstated], { now: 1 }), { timeZone: 'Europe/Paris' })).split('\n').slice(0, 12).join('\n');
    expect(await identification()).toContain('Code RNCP : non indiqué');
    await setGapText(db, { certificationId: unstated.id, itemId: RNCP_ITEM_ID, dataVersion: 3, text: ' rncp 36136 ' }, 'Nadia Benali');
    const record = await buildEvaluationRecord(db, id, [unstated], { now: 1 });
    expect(record.certification).toMatchObject({ rncp: 'RNCP36136', rncpByJury: true });
    const text = await identification();
    expect(text).toContain('Certification : Certification de test');
    expect(text).toContain('Code RNCP : RNCP36136 (indiqué par le jury, absent du référentiel)');
    expect(text).toContain('Référentiel : version 3');
    expect(text).not.toContain(exportCertification.sourceFile);
    // The référentiel's own code wins over anything entered.
    expect((await buildEvaluationRecord(db, id, [exportCertification], { now: 1 })).certification).toMatchObject({ rncp: 'RNCP38999', rncpByJury: false });
  });

  it('explains a missing evaluation or référentiel', async () => {
    await expect(buildEvaluationRecord(db, 'nope', [exportCertification])).rejects.toThrow(ExportError);
    const id = await seedExportSession(db);
    await expect(buildEvaluationRecord(db, id, [])).rejects.toThrow(/n’est pas chargé dans Grille/);
  });

  it('carries the RGAA audit: counts over the 106 criteria, conformity rate, assessed criteria in RGAA order, automated proposals flagged', async () => {
    const id = await seedExportSession(db);
    const record = await buildEvaluationRecord(db, id, [exportCertification]);
    expect(record.rgaaAudits).toHaveLength(1);
    const audit = record.rgaaAudits[0]!;
    expect(audit).toMatchObject({ pageUrl: AUDITED_PAGE.url, pageTitle: AUDITED_PAGE.pageTitle, counts: { C: 1, NC: 2, NA: 1, NT: 102 } });
    expect(audit.rate).toBeCloseTo(1 / 3);
    expect(audit.updatedAt).toBeGreaterThan(audit.createdAt);
    expect(audit.criteria.map((c) => [c.number, c.result, c.automated, c.comment])).toEqual([
      // The automated pass proposed 1.1 too; the juror's entry replaced it.
      ['1.1', 'NC', false, SAMPLE.rgaaComment],
      ['3.2', 'C', false, ''],
      ['8.3', 'NA', false, ''],
      ['11.1', 'NC', true, SAMPLE.rgaaProposal],
    ]);
    expect(audit.criteria[0]!.title).toBe(rgaaCriterion('1.1')!.title);
  });

  it('leaves out audits with nothing assessed or commented, keeps the others in the order they were opened, says when the rate cannot be computed', async () => {
    const id = await seedExportSession(db);
    const page = (url: string) => ({ evaluationId: id, pageUrl: url, pageTitle: '' });
    // Opened and left empty; a comment on a criterion left « Non testé ».
    await openAudit(db, page('https://atelier-brume.fr/vide'), T0 + 500);
    await setCriterion(db, page('https://atelier-brume.fr/nt'), { criterion: '1.1', comment: 'pas encore regardé' }, null, T0 + 600);
    // Opened before the fixture's audit, only « Non applicable »: no rate.
    await setCriterion(db, page('https://atelier-brume.fr/a-propos'), { criterion: '4.1', result: 'NA' }, null, T0 + 700);
    const other = await seedExportSession(db, 'tuteur');
    await setCriterion(db, { evaluationId: other, pageUrl: 'https://ailleurs.example/', pageTitle: 'Ailleurs' }, { criterion: '1.1', result: 'C' }, null);
    const record = await buildEvaluationRecord(db, id, [exportCertification]);
    expect(record.rgaaAudits.map((a) => [a.pageUrl, a.rate])).toEqual([
      ['https://atelier-brume.fr/nt', null],
      ['https://atelier-brume.fr/a-propos', null],
      [AUDITED_PAGE.url, expect.closeTo(1 / 3)],
    ]);
    const text = planText(recordPlan(record));
    // Untitled page: its address is its heading.
    expect(text).toContain("Audit d'accessibilité (RGAA 4.1.2)\nhttps://atelier-brume.fr/nt\nAdresse de la page : https://atelier-brume.fr/nt");
    expect(text).toContain('https://atelier-brume.fr/a-propos\nAdresse de la page : https://atelier-brume.fr/a-propos');
    // The comment on a criterion left « Non testé » is kept, with its result.
    expect(text).toMatch(/1\.1 — [^\n]+ : Non testé\n[^\n]*pas encore regardé/);
    expect(text).toContain('Taux de conformité : non calculable (aucun critère conforme ou non conforme)');
    expect(text).not.toMatch(/atelier-brume\.fr\/vide|ailleurs\.example/);
    // Tutor mode: the tutor confirmed the proposals, not a juror.
    const tutor = planText(recordPlan(await buildEvaluationRecord(db, other, [exportCertification])));
    expect(tutor).toContain('que le tuteur a confirmées ou non');
  });

  it('has no audit section when the evaluation has no audit', async () => {
    const id = await seedExportSession(db);
    await db.rgaaAudits.where('evaluationId').equals(id).delete();
    const record = await buildEvaluationRecord(db, id, [exportCertification]);
    expect(record.rgaaAudits).toEqual([]);
    const text = planText(recordPlan(record));
    expect(text).not.toMatch(/RGAA 4\.1\.2|Taux de conformité/);
    expect(planText(recordPlan(record, { lang: 'en' }))).not.toContain('Accessibility audit');
  });

  it('builds a session, most recently changed first', async () => {
    const a = await seedExportSession(db);
    const b = await seedExportSession(db, 'tuteur');
    await db.evaluations.update(a, { updatedAt: Date.UTC(2030, 0, 1) });
    const records = await buildSessionRecords(db, [exportCertification]);
    expect(records.map((r) => r.evaluationId)).toEqual([a, b]);
    expect(records[1]!.blocs[1]!.decision).toMatchObject({ decision: null });
  });
});
