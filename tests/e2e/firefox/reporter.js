// Loaded into Grille's panel page in a test copy of the Firefox build (tests/e2e/firefox.e2e.test.ts):
// WebDriver BiDi may not drive extension pages in Firefox, so the page drives itself as a juror
// would — create an evaluation, set a status, type an observation, reload — and posts what it
// saw to the test's server. __REPORT_URL__ is replaced by the test.
(() => {
  const REPORT = '__REPORT_URL__';
  const errors = [];
  addEventListener('error', (e) => errors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
  const phase = sessionStorage.getItem('grille-test-phase') ?? 'create';
  const steps = [];
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  async function until(what, test, timeout = 20_000) {
    const started = Date.now();
    for (;;) {
      const found = test();
      if (found) return found;
      if (Date.now() - started > timeout) throw new Error(`introuvable : ${what}`);
      await sleep(100);
    }
  }
  const byLabel = (text) => {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === text);
    return label && (label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector('input, textarea, select'));
  };
  const button = (text) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === text);
  function type(field, value) {
    const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
  const group = (code) => document.querySelector(`[role="radiogroup"][aria-label="Statut — ${code}"]`);
  const radio = (code, name) => [...(group(code)?.querySelectorAll('label') ?? [])].find((l) => l.textContent.trim() === name)?.querySelector('input');
  const report = (body) => fetch(REPORT, { method: 'POST', body: JSON.stringify({ phase, steps, errors, lang: document.documentElement.lang, ...body }) });

  async function create() {
    const criteria = await until('critères du bloc', () => document.querySelectorAll('[data-criterion-id]').length);
    await until('liste des évaluations', () => /Aucune évaluation/.test(document.body.innerText));
    steps.push(`critères affichés : ${criteria}`);
    (await until('bouton Nouvelle évaluation', () => button('Nouvelle évaluation'))).click();
    type(await until('nom du candidat', () => byLabel('Nom du candidat')), 'Léa Moreau');
    type(await until('membre 1', () => byLabel('Nom du membre 1')), 'Nadia Benali');
    (await until('bouton Créer', () => button("Créer l'évaluation"))).click();
    await until('évaluation ouverte', () => /Évaluation de Léa Moreau/.test(document.body.innerText));
    steps.push('évaluation créée');
    (await until('statut Acquis', () => radio('C1.1 · critère 1', 'Acquis'))).click();
    const observation = await until('observation', () => byLabel('Observation — C1.1 · critère 1'));
    observation.focus();
    type(observation, 'Cible décrite avec précision, « personas » à l’appui.');
    await sleep(1500);
    observation.blur();
    await until('avancement', () => /1 acquis/.test(document.body.innerText));
    steps.push('statut et observation saisis');
    sessionStorage.setItem('grille-test-phase', 'reopen');
    await report({ criteria });
    location.reload();
  }

  async function reopen() {
    await until('évaluation rouverte', () => /Évaluation de Léa Moreau/.test(document.body.innerText));
    const status = (await until('statut', () => radio('C1.1 · critère 1', 'Acquis'))).checked;
    const observation = (await until('observation', () => byLabel('Observation — C1.1 · critère 1'))).value;
    await report({ status, observation, text: document.body.innerText.slice(0, 2000) });
  }

  (phase === 'create' ? create() : reopen()).catch((error) => report({ failed: String(error && error.message) }));
})();
