// @vitest-environment node
// Golden tests of the jury record as DOCX: open the zip, read word/document.xml, check the texts
// in order, the escaping, the styles, the embedded screenshot, and that the XML is well formed.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { planToDocx, recordToDocx } from '@/lib/export/docx';
import { buildEvaluationRecord, type EvaluationRecord } from '@/lib/export/record';
import { recordPlan } from '@/lib/export/record-plan';
import { rgaaCriterion } from '@/lib/rgaa/criteria';
import { WorkspaceDb } from '@/lib/workspace/db';
import { AUDITED_PAGE, exportCertification, SAMPLE, SCREENSHOT, seedExportSession, auditCriteriaLines } from '../../fixtures/export-session';
import { docxParts, docxText, docxXml, missingInOrder } from './read-documents';

/** A criterion's official wording (it holds no-break spaces). */
const title = (n: string) => rgaaCriterion(n)!.title;

// jsdom ships no types; its DOMParser is a strict XML parser (saxes).
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { DOMParser: typeof DOMParser } } };
const parser = new new JSDOM('').window.DOMParser();
function wellFormed(xml: string): boolean {
  return parser.parseFromString(xml, 'application/xml').getElementsByTagName('parsererror').length === 0;
}
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');

let record: EvaluationRecord;
let bytes: Uint8Array;
let xml: string;
beforeAll(async () => {
  const db = new WorkspaceDb(`export-docx-${crypto.randomUUID()}`);
  const id = await seedExportSession(db);
  record = await buildEvaluationRecord(db, id, [exportCertification], { now: Date.UTC(2025, 2, 20, 10) });
  bytes = await recordToDocx(record, { timeZone: 'Europe/Paris' });
  xml = docxXml(bytes);
});

describe('jury record (DOCX)', () => {
  it('is a Word package with the parts Word and LibreOffice need, all well-formed XML', () => {
    expect(wellFormed('<a><b></a>')).toBe(false);
    const parts = docxParts(bytes);
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/_rels/document.xml.rels', 'docProps/core.xml'])
      expect(Object.keys(parts)).toContain(part);
    for (const [name, content] of Object.entries(parts)) if (/\.(xml|rels)$/.test(name)) expect(wellFormed(new TextDecoder().decode(content)), name).toBe(true);
    expect(docxXml(bytes, 'docProps/core.xml')).toContain(escapeXml(`Procès-verbal d'évaluation — ${SAMPLE.candidate}`));
  });

  it('says, in order: identification, jury, each criterion with its status, observation and evidence, decisions, signatures', () => {
    const text = docxText(xml);
    expect(
      missingInOrder(text, [
        "Procès-verbal d'évaluation",
        `Candidat : ${SAMPLE.candidate}`,
        'Certification : Certification de test',
        'Code RNCP : RNCP38999',
        'Référentiel : version 3',
        'Jury de certification (décisions motivées)',
        'Évaluation ouverte le 12 mars 2025',
        'Document établi le 20 mars 2025 à 11:00',
        'Membres du jury',
        "Nadia Benali — externe à l'organisme de formation",
        "Jean Dupont — interne à l'organisme de formation",
        'Bloc 1 — Concevoir la stratégie',
        'Étude de cas — Production attendue : Un dossier écrit',
        'C1 — Réaliser une veille concurrentielle',
        'C1 · critère 1',
        'Les sources de la veille sont diversifiées et fiables',
        'Statut : Acquis',
        `Observation : ${SAMPLE.observationK001}`,
        'Preuve n° 1 — Citation, vue sur Le blog — Atelier Brume (https://atelier-brume.fr/blog), capturée le 12 mars 2025 à 10:00',
        `« ${SAMPLE.quote} »`,
        `Légende du juré : ${SAMPLE.quoteNote}`,
        "Preuve n° 3 — Capture d'écran",
        'Décision sur la compétence (C1)',
        'Acquise',
        SAMPLE.competencyComment,
        'C1+C2 · critère 1',
        'Statut : Exempté',
        `Raison de l'exemption : ${SAMPLE.exemptionReason}`,
        'Longueur du titre de la page : Défaut constaté — Le titre compte 92 caractères (au-delà de 60).',
        'Bloc 1 · critère 1',
        'Statut : Partiellement acquis',
        "Observation (rédigée avec l'aide de l'IA) : # Pas un titre\n- pas une liste",
        'Preuve n° 2 — Lien',
        'https://atelier-brume.fr/blog',
        'capture reproduite plus haut (preuve n° 3)',
        'Bloc 1 · critère 2',
        `texte saisi par le jury : ${SAMPLE.gapText}`,
        'Statut : Non acquis',
        'Décision du jury — Bloc 1 — Concevoir la stratégie',
        'Validé',
        'par Nadia Benali, le 12 mars 2025',
        'Bloc 2 — Animer les communautés (bloc optionnel)',
        'C3 · critère 1',
        'Décision du jury — Bloc 2',
        'Ajourné / à compléter',
        `Motivation : ${SAMPLE.blocMotivation}`,
        'par Jean Dupont',
        "Audit d'accessibilité (RGAA 4.1.2)",
        'Preuves non rattachées à un critère évalué',
        'https://atelier-brume.fr/mentions',
        'Signatures',
        'sont ceux du jury',
        'Nadia Benali',
        'Signature : ____',
        'Jean Dupont',
        'Signature : ____',
      ]),
    ).toBeNull();
  });

  it('escapes XML special characters and keeps markup in observations as literal text', () => {
    expect(xml).toContain(escapeXml(SAMPLE.observationK001));
    expect(xml).toContain('3 &lt; 5 &gt; 2…');
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<b>gras');
    expect(xml).toContain('« sources »');
    expect(xml).toContain('l’œuvre —');
  });

  it('carries the RGAA audit after the blocs: the page, its counts, the rate, each assessed criterion with its comment, escaped', () => {
    const text = docxText(xml);
    expect(
      missingInOrder(text, [
        'Décision du jury — Bloc 2',
        "Audit d'accessibilité (RGAA 4.1.2)",
        AUDITED_PAGE.pageTitle,
        `Adresse de la page : ${AUDITED_PAGE.url}`,
        'Dernière modification le 12 mars 2025 à 10:',
        'Conforme',
        'Non conforme',
        'Non applicable',
        'Non testé',
        'Total',
        '102',
        '106',
        'Taux de conformité : 33,3 % (1 ÷ (1 + 2))',
        'le taux de conformité ne porte que sur les critères testés',
        "L'analyse automatique ne propose que des non-conformités, que le juré a confirmées ou non",
        ...auditCriteriaLines(title),
        'Commentaire : Test automatique (axe-core)',
        'Preuves non rattachées à un critère évalué',
        'Signatures',
      ]),
    ).toBeNull();
    // Only the juror's own result on 1.1 is not flagged as automated.
    expect(text).not.toContain(`1.1 — ${title('1.1')} : Non conforme (proposé`);
    expect(xml).toContain(escapeXml(SAMPLE.rgaaComment));
    expect(xml).toContain('&lt;img&gt; sans alt &amp; « guillemets »');
    expect(xml).toContain('&lt;input id=&quot;email&quot;&gt;');
    expect(xml).not.toContain('<img>');
  });

  it('uses real Title and Heading 1–3 styles: blocs, groups of criteria, criteria', () => {
    const headings = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="(Title|Heading\d)"\/>(?:(?!<\/w:p>).)*?<\/w:p>/g)].map((m) => [m[1], docxText(m[0])]);
    expect(headings[0]).toEqual(['Title', "Procès-verbal d'évaluation"]);
    expect(headings.filter(([s]) => s === 'Heading1').map(([, t]) => t)).toEqual([
      'Membres du jury',
      'Bloc 1 — Concevoir la stratégie',
      'Bloc 2 — Animer les communautés (bloc optionnel)',
      "Audit d'accessibilité (RGAA 4.1.2)",
      'Preuves non rattachées à un critère évalué',
      'Signatures',
    ]);
    expect(headings.filter(([s]) => s === 'Heading2').map(([, t]) => t)).toContain(AUDITED_PAGE.pageTitle);
    expect(headings.filter(([s]) => s === 'Heading3').map(([, t]) => t)).toEqual(['C1 · critère 1', 'C1+C2 · critère 1', 'Bloc 1 · critère 1', 'Bloc 1 · critère 2', 'C3 · critère 1']);
    expect(docxXml(bytes, 'word/styles.xml')).toMatch(/w:styleId="Heading1"/);
  });

  it('embeds the screenshot once, as an image part, at its proportions, with a text alternative', () => {
    const parts = docxParts(bytes);
    const media = Object.keys(parts).filter((p) => p.startsWith('word/media/') && !p.endsWith('/'));
    expect(media).toHaveLength(1);
    expect(media[0]).toMatch(/\.png$/);
    expect([...parts[media[0]!]!]).toEqual([...SCREENSHOT]);
    expect(docxXml(bytes, '[Content_Types].xml')).toMatch(/Extension="png"/);
    expect(xml.match(/<w:drawing>/g)).toHaveLength(1);
    // 320 × 180 px → EMU (9525 per px).
    expect(xml).toContain('<wp:extent cx="3048000" cy="1714500"/>');
    expect(xml).toContain('descr="Capture d&apos;écran n° 3 : Le blog — Atelier Brume"');
  });

  it('scales a screenshot wider than the page to the text width', async () => {
    const plan = recordPlan(record);
    const image = plan.blocks.find((b) => b.type === 'image')!;
    expect(image).toMatchObject({ width: 320, height: 180 });
    const wide = { ...record, evidence: [], unattached: [], blocs: [] };
    const shot = { ...record.evidence[2]!, image: { ...record.evidence[2]!.image!, width: 1920, height: 1080 } };
    const doc = docxXml(await recordToDocx({ ...wide, unattached: [shot] }));
    // 640 × 360 px: the text width of an A4 page with 2 cm margins.
    expect(doc).toContain(`<wp:extent cx="${640 * 9525}" cy="${360 * 9525}"/>`);
  });

  it('repeats the page header and numbers the pages in the footer', () => {
    expect(docxText(docxXml(bytes, 'word/header1.xml'))).toBe(`Procès-verbal d'évaluation — ${SAMPLE.candidate} — Certification de test`);
    const footer = docxXml(bytes, 'word/footer1.xml');
    expect(footer).toMatch(/PAGE<\/w:instrText>/);
    expect(footer).toMatch(/NUMPAGES<\/w:instrText>/);
  });

  it('drops characters XML forbids instead of producing a file Word refuses', async () => {
    const c = record.blocs[0]!.groups[0]!.criteria[0]!;
    const hostile = { ...record, blocs: [{ ...record.blocs[0]!, groups: [{ ...record.blocs[0]!.groups[0]!, criteria: [{ ...c, observation: 'a\u0001b\u000bc\uFFFEd\uD800e' }] }] }] };
    const doc = docxXml(await recordToDocx(hostile));
    expect(wellFormed(doc)).toBe(true);
    expect(doc).toContain('Observation : </w:t></w:r><w:r><w:t xml:space="preserve">abcde</w:t>');
  });

  it('writes a tutor pre-review without decisions, with the tutors and their feedback', async () => {
    const db = new WorkspaceDb(`export-docx-tutor-${crypto.randomUUID()}`);
    const id = await seedExportSession(db, 'tuteur');
    const text = docxText(docxXml(await recordToDocx(await buildEvaluationRecord(db, id, [exportCertification]))));
    expect(missingInOrder(text, ['Grille de pré-évaluation (tuteur)', 'Tuteurs', 'Nadia Benali', 'Retour du tuteur — Bloc 1', 'Retour : Bon travail de veille', 'pré-évaluation formative'])).toBeNull();
    expect(text).not.toContain('Validé');
    expect(text).not.toContain('Ajourné');
  });

  it('renders any plan in English too', async () => {
    const text = docxText(docxXml(await planToDocx(recordPlan(record, { lang: 'en' }))));
    expect(
      missingInOrder(text, [
        'Evaluation record',
        'Candidate',
        'Jury members',
        'Status: Acquired',
        'Deferred / to complete',
        'Accessibility audit (RGAA 4.1.2)',
        `Page address: ${AUDITED_PAGE.url}`,
        'Last changed on 12 March 2025',
        'Compliant',
        'Non-compliant',
        'Not applicable',
        'Not tested',
        'Conformity rate: 33.3% (1 ÷ (1 + 2))',
        'covers only the criteria tested',
        'Criteria assessed or commented:',
        `1.1 — ${title('1.1')}: Non-compliant`,
        `Comment: ${SAMPLE.rgaaComment}`,
        `8.3 — ${title('8.3')}: Not applicable`,
        `11.1 — ${title('11.1')}: Non-compliant (proposed by the automated analysis, not reviewed)`,
        'Signatures',
      ]),
    ).toBeNull();
    expect(text).not.toMatch(/Taux de conformité|Non conforme|Critères évalués/);
  });
});
