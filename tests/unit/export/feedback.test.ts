// @vitest-environment node
// The candidate's feedback: strengths and what to work on per competency, the bloc's decision or
// the tutor's feedback — and never an internal note (evidence and its captions, exemption reasons,
// members' names, who entered what), in any of its three formats.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFeedback, feedbackPlan, feedbackToDocx, feedbackToMarkdown, feedbackToPdf } from '@/lib/export/feedback';
import { planText } from '@/lib/export/plan';
import { buildEvaluationRecord, type EvaluationRecord } from '@/lib/export/record';
import { WorkspaceDb } from '@/lib/workspace/db';
import { exportCertification, INTERNAL, SAMPLE, seedExportSession } from '../../fixtures/export-session';
import { docxParts, docxText, docxXml, missingInOrder, pdfText } from './read-documents';


async function recordOf(mode: 'jury' | 'tuteur'): Promise<EvaluationRecord> {
  const db = new WorkspaceDb(`export-feedback-${crypto.randomUUID()}`);
  return buildEvaluationRecord(db, await seedExportSession(db, mode), [exportCertification], { now: Date.UTC(2025, 2, 20) });
}

let jury: EvaluationRecord;
let tutor: EvaluationRecord;
beforeAll(async () => {
  [jury, tutor] = await Promise.all([recordOf('jury'), recordOf('tuteur')]);
});

describe('buildFeedback', () => {
  it('sorts criteria into strengths, to work on, exempted and not assessed, per competency', () => {
    const feedback = buildFeedback(jury);
    const [b1, b2] = feedback.blocs;
    const summary = b1!.competencies.map((c) => ({
      title: c.title,
      strengths: c.strengths.map((i) => i.code),
      toWorkOn: c.toWorkOn.map((i) => i.code),
      exempted: c.exempted.map((i) => i.code),
      verdict: c.verdict?.decision ?? null,
    }));
    expect(summary).toEqual([
      { title: 'C1 — Réaliser une veille concurrentielle', strengths: ['C1 · critère 1'], toWorkOn: [], exempted: [], verdict: 'acquise' },
      { title: 'Critères communs à C1+C2', strengths: [], toWorkOn: [], exempted: ['C1+C2 · critère 1'], verdict: null },
      { title: 'Critères communs au bloc', strengths: [], toWorkOn: ['Bloc 1 · critère 1', 'Bloc 1 · critère 2'], exempted: [], verdict: null },
    ]);
    expect(b1!.verdict).toEqual({ decision: 'valide', comment: '' });
    expect(b2!.verdict).toEqual({ decision: 'ajourne', comment: SAMPLE.blocMotivation });
    expect(b2!.competencies[0]!.toWorkOn[0]).toMatchObject({ status: 'non-acquis', observation: SAMPLE.observationK005 });
    expect(b1!.competencies[2]!.toWorkOn[0]).toMatchObject({ aiAssisted: true, observation: SAMPLE.observationK003 });
    // An exemption is said, not explained.
    expect(b1!.competencies[1]!.exempted[0]).toMatchObject({ status: 'exempte', observation: '' });
    expect(JSON.stringify(feedback)).not.toMatch(/NOTE-INTERNE|référent handicap|Nadia|Jean Dupont|decidedBy|evidence/);
    // The juror's RGAA audit stays in the record: its comments are internal notes.
    expect(jury.rgaaAudits[0]!.criteria[0]!.comment).toBe(SAMPLE.rgaaComment);
    expect(JSON.stringify(feedback)).not.toContain('sans alt');
    expect(planText(feedbackPlan(feedback))).not.toMatch(/sans alt|axe-core|Taux de conformité|RGAA 4\.1\.2/);
  });

  it('in tutor mode, carries the tutor’s feedback instead of decisions', () => {
    const feedback = buildFeedback(tutor);
    expect(feedback.blocs.map((b) => b.verdict)).toEqual([
      { decision: null, comment: 'Bon travail de veille, à poursuivre.' },
      { decision: null, comment: SAMPLE.blocMotivation },
    ]);
  });
});

describe('feedback documents', () => {
  it('plan: addressed to the candidate, in référentiel order', () => {
    const text = planText(feedbackPlan(buildFeedback(jury)));
    expect(
      missingInOrder(text, [
        'Retour au candidat',
        `À l'attention de ${SAMPLE.candidate}`,
        'Certification de test',
        'vos points forts',
        'Bloc 1 — Concevoir la stratégie',
        'C1 — Réaliser une veille concurrentielle',
        'Points forts',
        'C1 · critère 1 — Les sources de la veille sont diversifiées et fiables',
        SAMPLE.observationK001,
        'Acquise',
        SAMPLE.competencyComment,
        'Exemptés',
        'C1+C2 · critère 1',
        '(exempté)',
        'À travailler',
        'Bloc 1 · critère 1',
        '(partiellement acquis)',
        SAMPLE.observationK003,
        "(rédigée avec l'aide de l'IA)",
        `Bloc 1 · critère 2 — ${SAMPLE.gapText} (non acquis)`,
        'Décision du jury sur le bloc',
        'Validé',
        'Bloc 2',
        'C3 · critère 1',
        SAMPLE.observationK005,
        'Ajourné / à compléter',
        SAMPLE.blocMotivation,
        'Le procès-verbal signé fait foi.',
      ]),
    ).toBeNull();
  });

  it.each(['jury', 'tuteur'] as const)('never carries internal notes (%s mode): DOCX, PDF and Markdown', async (mode) => {
    const record = mode === 'jury' ? jury : tutor;
    const docx = await feedbackToDocx(record);
    const texts = {
      docx: Object.entries(docxParts(docx))
        .filter(([name]) => /\.xml$/.test(name))
        .map(([name]) => docxText(docxXml(docx, name)))
        .join('\n'),
      pdf: (await pdfText(await feedbackToPdf(record))).text,
      markdown: feedbackToMarkdown(record),
    };
    for (const [format, text] of Object.entries(texts)) {
      expect(text, format).toContain(SAMPLE.candidate.split(' ')[0]!);
      for (const secret of INTERNAL) expect(text.includes(secret), `${format} contient « ${secret} »`).toBe(false);
    }
    expect(Object.keys(docxParts(docx)).some((p) => p.startsWith('word/media/') && !p.endsWith('/'))).toBe(false);
  });

  it('DOCX and PDF say the same in order, with special characters escaped or literal', async () => {
    const docx = await feedbackToDocx(jury);
    const xml = docxXml(docx);
    expect(xml).toContain('3 &lt; 5 &gt; 2… &lt;script&gt;');
    const order = ['Retour au candidat', 'Points forts', SAMPLE.observationK001, 'À travailler', 'Ajourné / à compléter'];
    expect(missingInOrder(docxText(xml), order)).toBeNull();
    const pdf = await pdfText(await feedbackToPdf(jury));
    expect(missingInOrder(pdf.text.replace(/\s*\n\s*/g, ' '), order)).toBeNull();
  });

  it('Markdown renders the observations as literal text', () => {
    const html = micromark(feedbackToMarkdown(jury), { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    expect(html).not.toMatch(/<script|<b>|href="javascript|<em>ni gras|<h1>Pas un titre/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('# Pas un titre<br />');
    expect(html).toContain('<h2>Bloc 1 — Concevoir la stratégie</h2>');
    expect(html).toContain('<h4>Points forts</h4>');
  });

  it('in tutor mode, speaks of the tutor’s feedback and no decision', () => {
    const text = planText(feedbackPlan(buildFeedback(tutor)));
    expect(missingInOrder(text, ['le retour de votre tuteur', 'Retour du tuteur sur le bloc', 'Bon travail de veille, à poursuivre.', 'il ne préjuge pas de la décision du jury'])).toBeNull();
    expect(text).not.toMatch(/Validé|Ajourné|Acquise/);
  });
});
