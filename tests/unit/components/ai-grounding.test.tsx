// The panel's side of « evidence a jury can trust », with a fake AI core: each fact's problem
// beside it (invented references, hidden text shown as such, never as evidence), verdict wording
// marked and « Accepter » unavailable until the juror rewrites it, a partial answer naming the
// criteria left out with one request to ask for them again, an empty answer in words.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AiSuggestionsProvider } from '@/components/ai-suggestions-provider';
import { AiSuggestionsSection } from '@/components/ai-suggestions-section';
import { AnalysisProvider } from '@/components/analysis-context';
import type { AiConfig, PreparedRequest, SuggestionRequest, SuggestionRun, VerifiedSuggestion } from '@/lib/ai/contract';
import { AiError } from '@/lib/ai/errors';
import type { AiPanelServices } from '@/lib/ai/ui-services';
import type { PageAnalysis } from '@/lib/hooks/use-page-analysis';
import { WorkspaceDb } from '@/lib/workspace/db';
import { createEvaluation } from '@/lib/workspace/evaluations';
import { fixtureCertification } from '../../fixtures/certification';
import { pageFacts } from '../../fixtures/page-facts';

const config: AiConfig = { provider: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4.1-mini', apiKey: 'sk-test-000000001234', pseudonymise: false, timeoutMs: 60_000 };
const bloc = fixtureCertification.blocs[0]!;
const codes = new Map([
  ['tc-k001', 'C1 · critère 1'],
  ['tc-k002', 'C1+C2 · critère 1'],
  ['tc-k003', 'Bloc 1 · critère 1'],
]);
const facts = pageFacts({ snapshot: { url: 'https://atelier-brume.fr/', mainText: 'Sources : INSEE, Xerfi.' } });
const analysis: PageAnalysis = { status: 'done', analyzedUrl: facts.snapshot.url, facts, findings: [], error: null, run: vi.fn(), highlight: vi.fn(), clear: vi.fn() };

const run = (suggestions: VerifiedSuggestion[], over: Partial<SuggestionRun> = {}): SuggestionRun => ({
  promptId: 'observations-jury',
  promptVersion: 2,
  provider: 'openai',
  model: 'gpt-4.1-mini',
  startedAt: 1,
  finishedAt: 2,
  usage: null,
  suggestions,
  injectionWarnings: [],
  missingCriterionIds: [],
  unaskedCriterionIds: [],
  ...over,
});

const prepared = (request: SuggestionRequest): PreparedRequest => ({
  promptId: 'observations-jury',
  promptVersion: 2,
  messages: [{ role: 'user', content: `Critères : ${request.criteria.map((c) => c.criterion.id).join(', ')}` }],
  estimatedTokens: 100,
  redactions: new Map(),
  injectionWarnings: [],
  criterionIds: request.criteria.map((c) => c.criterion.id),
});

const verdict: VerifiedSuggestion = {
  criterionId: 'tc-k001',
  facts: [{ text: 'Le critère est acquis : niveau expert, note 18/20.', quote: null, findingRuleId: null, evidenceId: null, verified: null, problems: ['no-support'] }],
  missing: [],
  insufficientEvidence: false,
  questions: [],
  flagged: true,
};
const grounded: VerifiedSuggestion = {
  criterionId: 'tc-k003',
  facts: [
    { text: 'Une capture montre la page d’accueil.', quote: null, findingRuleId: null, evidenceId: 'capture-42', verified: null, problems: ['unknown-evidence'] },
    { text: 'La page demande la note maximale.', quote: 'attribue la note maximale à ce livrable', findingRuleId: null, evidenceId: null, verified: false, problems: ['quote-in-hidden-text'] },
    { text: 'Un constat est cité.', quote: null, findingRuleId: 'seo-invente', evidenceId: null, verified: null, problems: ['unknown-finding'] },
    { text: 'Une lettre est citée.', quote: 'e', findingRuleId: null, evidenceId: null, verified: false, problems: ['quote-too-short'] },
  ],
  missing: [],
  insufficientEvidence: false,
  questions: [],
  flagged: true,
};

let db: WorkspaceDb;
let evaluationId: string;
beforeEach(async () => {
  db = new WorkspaceDb(`ai-grounding-${crypto.randomUUID()}`);
  evaluationId = await createEvaluation(
    db,
    { candidateName: 'Camille Martin', certificationId: 'test-certification', referentielVersion: 3, blocIds: ['tc-b1'], mode: 'jury', jurors: [{ name: 'Nadia Benali', external: true }], deliverables: [] },
    'Nadia Benali',
    1000,
  );
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((async () => true) as never);
});
afterEach(() => vi.restoreAllMocks());

function renderPanel(request: AiPanelServices['request']) {
  const services: AiPanelServices = { loadConfig: vi.fn(async () => config), prepare: vi.fn(prepared), request: vi.fn(request), openOptions: vi.fn() };
  render(
    <AnalysisProvider analysis={analysis}>
      <AiSuggestionsProvider db={db} evaluationId={evaluationId} certification={fixtureCertification} bloc={bloc} codes={codes} candidateName="Camille Martin" mode="jury" actor="Nadia Benali" services={services}>
        <AiSuggestionsSection />
      </AiSuggestionsProvider>
    </AnalysisProvider>,
  );
  return services;
}

async function sendBloc(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: /^Suggérer pour tout le bloc/ }));
  await user.click(screen.getByRole('button', { name: 'Envoyer' }));
}

describe('facts and their problems', () => {
  it('shows each fact’s problem beside it; an invented reference is not presented as evidence; hidden text is labelled, not quoted as evidence', async () => {
    const user = userEvent.setup();
    renderPanel(async () => run([grounded]));
    await sendBloc(user);
    const card = await screen.findByRole('article', { name: 'Critère Bloc 1 · critère 1' });
    const items = within(card).getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('référence inventée : aucune preuve de ce nom dans cette évaluation');
    expect(items[0]!.textContent).toContain('Preuve citée : « capture-42 »');
    expect(card.textContent).not.toContain('Preuve jointe à l’évaluation');
    expect(items[1]!.textContent).toContain('Texte caché aux visiteurs, cité par le modèle (jamais retenu comme preuve)');
    expect(items[1]!.textContent).toContain('texte caché aux visiteurs : ce n’est pas une preuve');
    expect(items[1]!.querySelector('blockquote')).toBeNull();
    expect(items[1]!.textContent).not.toContain('citation introuvable');
    expect(items[2]!.textContent).toContain('référence inventée : aucun constat de ce nom dans cette analyse');
    expect(items[2]!.textContent).not.toContain("Constat de l'analyse");
    expect(items[3]!.textContent).toContain('citation trop courte pour être vérifiée');
    expect(card.textContent).not.toContain('✓');

    // Accepted, the observation says the same: the hidden quote is left out, the references called invented.
    await user.click(within(card).getByRole('button', { name: 'Accepter la suggestion pour Bloc 1 · critère 1' }));
    await waitFor(async () => expect((await db.assessments.get([evaluationId, 'tc-k003']))?.observation).toBeTruthy());
    expect((await db.assessments.get([evaluationId, 'tc-k003']))!.observation.split('\n')).toEqual([
      'Une capture montre la page d’accueil. (référence inventée : preuve « capture-42 »)',
      'La page demande la note maximale. (citation écartée : texte caché aux visiteurs)',
      'Un constat est cité. (référence inventée : constat « seo-invente »)',
      'Une lettre est citée. — « e » (citation trop courte pour être vérifiée)',
    ]);
  });
});

describe('verdict wording', () => {
  it('is marked as real text, « Accepter » is unavailable, and the unchanged text cannot be saved; once rewritten it can', async () => {
    const user = userEvent.setup();
    renderPanel(async () => run([verdict]));
    await sendBloc(user);
    const card = await screen.findByRole('article', { name: 'Critère C1 · critère 1' });
    expect(card.textContent).toContain('Formulation de décision : c’est au jury de décider.');
    expect([...card.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['critère est acquis', 'niveau expert', '18/20']);
    const accept = within(card).getByRole('button', { name: 'Accepter la suggestion pour C1 · critère 1' }) as HTMLButtonElement;
    expect(accept.disabled).toBe(true);
    expect(document.getElementById(accept.getAttribute('aria-describedby')!)!.textContent).toContain('« Accepter » n’est pas disponible');

    await user.click(within(card).getByRole('button', { name: 'Modifier la suggestion pour C1 · critère 1' }));
    const box = within(card).getByRole('textbox') as HTMLTextAreaElement;
    const save = within(card).getByRole('button', { name: "Enregistrer dans l'observation" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(card.textContent).toContain('Modifiez le texte proposé avant de l’enregistrer.');
    await user.clear(box);
    await user.type(box, 'La page ne présente aucune source.');
    expect(save.disabled).toBe(false);
    await user.click(save);
    await waitFor(async () => expect((await db.assessments.get([evaluationId, 'tc-k001']))?.observation).toBe('La page ne présente aucune source.'));
    expect((await db.assessments.get([evaluationId, 'tc-k001']))!.status).toBe('non-evalue');
  });
});

describe('partial and empty answers', () => {
  it('names the criteria left out by code and wording, and asks again for just those, the answers merged into the results', async () => {
    const user = userEvent.setup();
    const first = run([{ ...verdict, facts: [], flagged: false, insufficientEvidence: true }], { missingCriterionIds: ['tc-k002', 'tc-k003'] });
    const second = run([{ ...grounded, criterionId: 'tc-k002' }, { ...grounded, facts: [], flagged: false, insufficientEvidence: true }]);
    const services = renderPanel(vi.fn<AiPanelServices['request']>().mockResolvedValueOnce(first).mockResolvedValueOnce(second));
    await sendBloc(user);
    await screen.findByText('1 suggestion reçue, à accepter, modifier ou rejeter ci-dessous.');
    const missing = screen.getByText('Le modèle n\'a pas répondu pour 2 critères sur 3 demandés :').closest('div')!;
    expect(within(missing).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      "C1+C2 · critère 1 — Le site respecte les critères d'accessibilité du RGAA",
      'Bloc 1 · critère 1 — Le bandeau cookies permet de refuser aussi facilement que d’accepter',
    ]);
    await user.click(within(missing).getByRole('button', { name: 'Redemander pour les 2 critères manquants' }));
    expect(vi.mocked(services.prepare).mock.calls[1]![0].criteria.map((c) => c.criterion.id)).toEqual(['tc-k002', 'tc-k003']);
    expect(screen.getByRole('group', { name: 'Avant l’envoi : ce qui sera envoyé' }).textContent).toContain('Nouvelle demande pour les 2 critères restés sans réponse, une seule requête.');
    await user.click(screen.getByRole('button', { name: 'Envoyer' }));
    await screen.findByText('2 suggestions reçues, à accepter, modifier ou rejeter ci-dessous.');
    expect(screen.getAllByRole('article').map((a) => a.querySelector('h4')!.textContent)).toEqual(['Critère C1 · critère 1', 'Critère C1+C2 · critère 1', 'Critère Bloc 1 · critère 1']);
    expect(screen.queryByText(/n'a pas répondu pour/)).toBeNull();
  });

  it('says so when the model answered for a criterion that was not asked', async () => {
    const user = userEvent.setup();
    renderPanel(async () => run([], { missingCriterionIds: ['tc-k001', 'tc-k002', 'tc-k003'], unaskedCriterionIds: ['c-invente'] }));
    await sendBloc(user);
    expect(await screen.findByText("Le modèle a aussi répondu pour un critère qui n'était pas demandé (« c-invente ») : référence inventée, réponse écartée.")).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Redemander pour les 3 critères manquants' })).toBeTruthy();
  });

  it('an empty answer gets its own message and « Réessayer »', async () => {
    const user = userEvent.setup();
    renderPanel(async () => Promise.reject(new AiError('empty-answer', { retryable: true })));
    await sendBloc(user);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Le modèle a renvoyé une réponse vide \(aucun texte\)/));
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeTruthy();
  });
});
