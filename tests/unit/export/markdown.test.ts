// @vitest-environment node
// Markdown: user text is escaped so that, rendered by a CommonMark + GFM renderer (micromark),
// it reads as the same literal text — no heading, list, link, emphasis, HTML or table comes out of it.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeMarkdown, planToMarkdown, recordToMarkdown } from '@/lib/export/markdown';
import { b, li, p, type DocumentPlan } from '@/lib/export/plan';
import { buildEvaluationRecord, type EvaluationRecord } from '@/lib/export/record';
import { rgaaCriterion } from '@/lib/rgaa/criteria';
import { WorkspaceDb } from '@/lib/workspace/db';
import { exportCertification, SAMPLE, seedExportSession } from '../../fixtures/export-session';
import { missingInOrder } from './read-documents';

/** A criterion's official wording (it holds no-break spaces). */
const title = (n: string) => rgaaCriterion(n)!.title;

const html = (md: string) => micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
/** The text a reader sees: tags removed, <br> as line breaks. */
const visible = (h: string) => decode(h.replace(/<br \/>\n?/g, '\n').replace(/<[^>]+>/g, '')).trim();

const HOSTILE = [
  '# Pas un titre',
  '## ni celui-ci ##',
  '- pas une liste',
  '+ ni celle-ci',
  '* ni celle-là',
  '1. pas numérotée',
  '2) non plus',
  '> pas une citation',
  '    pas du code',
  '```\npas un bloc\n```',
  '~~~',
  'titre\n===',
  'titre\n---',
  '***',
  '*pas italique* **pas gras** _pas souligné_ __non__ ~~pas barré~~',
  '[lien](javascript:alert(1)) ![image](https://evil.example/x.png) <https://auto.example>',
  '[ref]: https://evil.example',
  '<script>alert("x")</script> <img src=x onerror=alert(1)> <!-- commentaire -->',
  '&amp; &lt; &#65; &copy;',
  'a | b | c',
  '\\* antislash \\',
  '`code` et ``double``',
  '[x] case',
  'fin de ligne  \nsuite',
  'www.example.com et https://example.com ou WWW.EXEMPLE.FR',
  'contact@example.com, ftp://x.example, mailto:a@b.c',
  'texte normal, avec des accents : « é » — l’œuvre…',
];

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('renders %j as the same literal text', (text) => {
    const rendered = html(escapeMarkdown(text));
    const expected = text
      .split('\n')
      .map((l) => l.replace(/^[ \t]+/, '').replace(/ +$/, ''))
      .join('\n');
    expect(visible(rendered).split('\n').map((l) => l.replace(/ +$/, '')).join('\n')).toBe(expected);
    // Only a paragraph and line breaks: no other element, no link of any kind.
    expect(rendered.replace(/<\/?p>|<br \/>/g, '')).not.toMatch(/<[a-z]/i);
  });
});

describe('planToMarkdown', () => {
  const plan = (blocks: DocumentPlan['blocks']): DocumentPlan => ({ lang: 'fr', title: 'T', runningHeader: 'T', subject: 'T', pageWords: { page: 'Page', of: '/' }, createdAt: 0, blocks });

  it('keeps emphasis of labels only, and spaces between runs', () => {
    const md = planToMarkdown(plan([p(b('Statut : '), 'Acquis'), li(0, b('Nom'), ' — externe')]));
    expect(md).toBe('**Statut :** Acquis\n\n- **Nom** — externe\n');
    expect(html(md)).toBe('<p><strong>Statut :</strong> Acquis</p>\n<ul>\n<li><strong>Nom</strong> — externe</li>\n</ul>\n');
  });

  it('keeps table cells in their column whatever the text', () => {
    const md = planToMarkdown(plan([{ type: 'table', header: ['A | B', 'C'], rows: [['x\ny', '<b>|</b>']] }]));
    const rendered = html(md);
    expect(rendered.match(/<th>/g)).toHaveLength(2);
    expect(rendered.match(/<td>/g)).toHaveLength(2);
    expect(rendered).toContain('<td>&lt;b&gt;|&lt;/b&gt;</td>');
  });
});

describe('jury record (Markdown)', () => {
  let record: EvaluationRecord;
  let md: string;
  beforeAll(async () => {
    const db = new WorkspaceDb(`export-md-${crypto.randomUUID()}`);
    record = await buildEvaluationRecord(db, await seedExportSession(db), [exportCertification]);
    md = recordToMarkdown(record);
  });

  it('reads in order once rendered, observations as literal text', () => {
    const rendered = html(md);
    const text = visible(rendered);
    expect(
      missingInOrder(text, [
        "Procès-verbal d'évaluation",
        `Candidat : ${SAMPLE.candidate}`,
        'C1 · critère 1',
        'Statut : Acquis',
        `Observation : ${SAMPLE.observationK001}`,
        `« ${SAMPLE.quote} »`,
        'C1+C2 · critère 1',
        `Raison de l'exemption : ${SAMPLE.exemptionReason}`,
        `Observation (rédigée avec l'aide de l'IA) : ${SAMPLE.observationK003}`,
        'Ajourné / à compléter',
        'Signature : ____',
      ]),
    ).toBeNull();
    expect(rendered).not.toMatch(/<script|<b>|href="javascript|<em>ni gras/);
    // The title, the headings Grille wrote, and nothing from the observations.
    expect([...rendered.matchAll(/<h(\d)>([^<]*)</g)].map((m) => m[2]).filter((t) => /titre/i.test(t!))).toEqual([]);
    // Two count tables, the RGAA audit's counts and the signature table.
    expect(rendered.match(/<table>/g)).toHaveLength(4);
    expect(rendered).toContain('<th>Conforme</th>\n<th>Non conforme</th>\n<th>Non applicable</th>\n<th>Non testé</th>\n<th>Total</th>');
    expect(
      missingInOrder(text, [
        'Ajourné / à compléter',
        "Audit d'accessibilité (RGAA 4.1.2)",
        'Taux de conformité : 33,3 % (1 ÷ (1 + 2))',
        `1.1 — ${title('1.1')} : Non conforme`,
        `Commentaire : ${SAMPLE.rgaaComment}`,
        `11.1 — ${title('11.1')} : Non conforme (proposé par l'analyse automatique, non revu)`,
        `Commentaire : ${SAMPLE.rgaaProposal}`,
        'Signature : ____',
      ]),
    ).toBeNull();
    expect(rendered).not.toMatch(/<img|<input/);
  });
});
