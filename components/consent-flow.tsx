import { useRef, useState } from 'react';
import { pick } from '@/lib/i18n';
import { l, type Localized } from '@/lib/i18n/localized';
import { canRun, FLOW_STEPS, initialFlowState, runStep, withReport, type ConsentFlowDeps, type FlowState, type FlowStep, type FlowTarget, type Observation, type StepReport } from '@/lib/privacy/consent-flow';
import { distinct } from '@/lib/privacy/third-parties';
import { autoRefuseNote, type AutoRefuse } from '@/lib/privacy/autoconsent-result';

export interface ConsentFlowProps {
  /** The browser work (clear the site's data, reload, analyse), wired by the panel. */
  deps: ConsentFlowDeps;
  /** The juror's tab; null when it is not a web page Grille can read. */
  target: FlowTarget | null;
  /** Refuses the tab's consent banner with autoconsent (injected at the click); no button without it. */
  autoRefuse?: (tabId: number) => Promise<AutoRefuse>;
}

const TEXT = {
  heading: l('Parcours consentement', 'Consent walkthrough'),
  intro: l(
    'Trois étapes pour voir ce que fait le site avant tout choix, puis après un refus. Grille rapporte ce qu’il observe ; le jugement revient au juré.',
    'Three steps to see what the site does before any choice, then after a refusal. Grille reports what it observes; judging is the juror’s.',
  ),
  steps: {
    fresh: {
      title: l('Recharger sans cookies', 'Reload without cookies'),
      help: l(
        'Efface les cookies et le stockage de ce site dans votre navigateur, recharge la page, puis observe ce qu’elle dépose et appelle avant tout choix.',
        'Clears this site’s cookies and storage in your browser, reloads the page, then observes what it sets and calls before any choice.',
      ),
      button: l('Recharger sans cookies', 'Reload without cookies'),
    },
    'after-refuse': {
      title: l('Refuser, puis observer', 'Refuse, then observe'),
      help: l(
        'Dans la page, cliquez vous-même sur « Refuser » (ou l’option la plus proche) dans le bandeau, puis demandez l’observation : Grille compare avec l’étape 1.',
        'In the page, click “Refuse” (or the nearest option) in the banner yourself, then ask for the observation: Grille compares with step 1.',
      ),
      button: l('Observer après refus', 'Observe after refusal'),
    },
    'after-accept': {
      title: l('Facultatif : accepter, puis observer', 'Optional: accept, then observe'),
      help: l(
        'Rouvrez le bandeau (ou rechargez sans cookies), cliquez sur « Accepter » dans la page, puis demandez l’observation.',
        'Reopen the banner (or reload without cookies), click “Accept” in the page, then ask for the observation.',
      ),
      button: l('Observer après acceptation', 'Observe after acceptance'),
    },
  } satisfies Record<FlowStep, { title: Localized; help: Localized; button: Localized }>,
  auto: {
    help: l(
      'Ou laissez autoconsent (bibliothèque de DuckDuckGo) refuser à votre place : il reconnaît les bandeaux des CMP courants et les boutons « Refuser », jamais « Accepter ». S’il n’y parvient pas, refusez vous-même.',
      'Or let autoconsent (DuckDuckGo’s library) refuse for you: it recognises the banners of common CMPs and “Refuse” buttons, never “Accept”. If it cannot, refuse yourself.',
    ),
    button: l('Refuser avec autoconsent, puis observer', 'Refuse with autoconsent, then observe'),
    running: l('autoconsent cherche le bandeau et refuse…', 'autoconsent is looking for the banner and refusing…'),
  },
  needFirst: l('Faites d’abord l’étape 1.', 'Do step 1 first.'),
  noTab: l('Ouvrez le site du candidat dans l’onglet actif.', 'Open the candidate’s site in the active tab.'),
  running: {
    fresh: l('Effacement des données du site, rechargement et observation…', 'Clearing the site’s data, reloading and observing…'),
    'after-refuse': l('Observation après refus…', 'Observing after refusal…'),
    'after-accept': l('Observation après acceptation…', 'Observing after acceptance…'),
  } satisfies Record<FlowStep, Localized>,
  failed: l('L’étape n’a pas abouti', 'The step did not complete'),
  cookies: l('Cookies', 'Cookies'),
  trackers: l('Traceurs connus', 'Known trackers'),
  beacons: l('Traceurs probables', 'Probable trackers'),
  others: l('Autres tiers', 'Other third parties'),
  changes: l('Changements depuis l’observation précédente', 'Changes since the previous observation'),
  newCookies: l('Nouveaux cookies', 'New cookies'),
  newTrackers: l('Nouveaux appels de traceurs', 'New tracker calls'),
  newOthers: l('Nouvelles requêtes tierces', 'New third-party requests'),
  none: l('aucun', 'none'),
};

function doneMessage(report: StepReport): Localized {
  const o = report.observation;
  return l(
    `Étape terminée : ${o.cookies.length} cookie(s), ${o.trackers.length + o.beacons.length} appel(s) de traceurs, ${o.others.length} autre(s) requête(s) tierce(s).`,
    `Step done: ${o.cookies.length} cookie(s), ${o.trackers.length + o.beacons.length} tracker call(s), ${o.others.length} other third-party request(s).`,
  );
}

function Facts({ label, items }: { label: Localized; items: readonly string[] }) {
  return (
    <>
      <dt>{pick(label)}</dt>
      <dd>{items.length ? items.join(', ') : pick(TEXT.none)}</dd>
    </>
  );
}

function ObservationFacts({ o }: { o: Observation }) {
  return (
    <dl className="consent-facts">
      <Facts label={TEXT.cookies} items={o.cookies.map((c) => c.name)} />
      <Facts label={TEXT.trackers} items={distinct(o.trackers.map((t) => `${t.vendor} (${t.host})`))} />
      <Facts label={TEXT.beacons} items={distinct(o.beacons.map((b) => b.host))} />
      <Facts label={TEXT.others} items={distinct(o.others.map((r) => r.host))} />
    </dl>
  );
}

function StepResult({ report }: { report: StepReport }) {
  const { diff } = report;
  return (
    <div className="consent-step-result">
      <ul className="consent-notes">
        {report.notes.map((note, i) => (
          <li key={i}>{pick(note)}</li>
        ))}
      </ul>
      {diff && (
        <>
          <p className="consent-changes-title">{pick(TEXT.changes)}</p>
          <dl className="consent-facts">
            <Facts label={TEXT.newCookies} items={diff.newCookies} />
            <Facts label={TEXT.newTrackers} items={distinct([...diff.newTrackers.map((t) => `${t.vendor} (${t.host})`), ...diff.newBeacons.map((b) => b.host)])} />
            <Facts label={TEXT.newOthers} items={distinct(diff.newOthers.map((r) => r.host))} />
          </dl>
        </>
      )}
      <details>
        <summary>{pick(l('Tout ce qui a été observé', 'Everything observed'))}</summary>
        <ObservationFacts o={report.observation} />
      </details>
    </div>
  );
}

/** Step 2's second way: autoconsent refuses in the page; what it could not do stays said. */
function AutoRefuseControl({ onRun, disabled, note }: { onRun: () => void; disabled: boolean; note: Localized | null }) {
  return (
    <>
      <p id="consent-auto-help" className="hint">
        {pick(TEXT.auto.help)}
      </p>
      <button type="button" onClick={onRun} disabled={disabled} aria-describedby="consent-auto-help">
        {pick(TEXT.auto.button)}
      </button>
      {note && <p className="consent-auto-note">{pick(note)}</p>}
    </>
  );
}

/**
 * « Parcours consentement »: the juror reloads the site without cookies, refuses in the page's
 * banner himself, and Grille says what the site did at each step. Facts only; page text is
 * rendered as text.
 */
export function ConsentFlow({ deps, target, autoRefuse }: ConsentFlowProps) {
  const [state, setState] = useState<FlowState>(initialFlowState);
  const [running, setRunning] = useState<FlowStep | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [autoNote, setAutoNote] = useState<Localized | null>(null);
  const current = useRef(state);
  current.current = state;

  /** One step; with `auto`, autoconsent refuses first and the observation follows only if it did. */
  const run = (step: FlowStep, auto?: (tabId: number) => Promise<AutoRefuse>) => {
    if (!target || running) return;
    setRunning(step);
    setError(null);
    setAutoNote(null);
    setStatus(pick(auto ? TEXT.auto.running : TEXT.running[step]));
    const work = async (): Promise<StepReport | null> => {
      if (!auto) return runStep(deps, target, current.current, step);
      const refusal = await auto(target.tabId);
      const note = autoRefuseNote(refusal);
      if (!refusal.refused) {
        setAutoNote(note);
        setStatus(pick(note));
        return null;
      }
      setStatus(pick(TEXT.running[step]));
      const report = await runStep(deps, target, current.current, step);
      return { ...report, notes: [note, ...report.notes] };
    };
    work().then(
      (report) => {
        setRunning(null);
        if (!report) return;
        setState((s) => withReport(s, report));
        setStatus(pick(doneMessage(report)));
      },
      (e: unknown) => {
        setRunning(null);
        setStatus('');
        setError(`${pick(TEXT.failed)} — ${e instanceof Error ? e.message : String(e)}`.slice(0, 400));
      },
    );
  };

  return (
    <section className="consent-flow" aria-labelledby="consent-flow-heading" aria-busy={running !== null}>
      <h3 id="consent-flow-heading">{pick(TEXT.heading)}</h3>
      <p className="hint">{pick(TEXT.intro)}</p>
      {!target && <p className="hint">{pick(TEXT.noTab)}</p>}
      <ol className="consent-steps">
        {FLOW_STEPS.map((step) => {
          const text = TEXT.steps[step];
          const report = state.reports[step];
          const ready = canRun(state, step);
          const helpId = `consent-step-${step}-help`;
          return (
            <li key={step}>
              <h4>{pick(text.title)}</h4>
              <p id={helpId} className="hint">
                {pick(text.help)}
                {!ready && ` ${pick(TEXT.needFirst)}`}
              </p>
              <button type="button" onClick={() => run(step)} disabled={!target || running !== null || !ready} aria-describedby={helpId}>
                {pick(text.button)}
              </button>
              {step === 'after-refuse' && autoRefuse && <AutoRefuseControl onRun={() => run(step, autoRefuse)} disabled={!target || running !== null || !ready} note={autoNote} />}
              {report && <StepResult report={report} />}
            </li>
          );
        })}
      </ol>
      <p role="status" aria-live="polite" className="consent-status">
        {status}
      </p>
      <div role="alert" className="consent-error">
        {error && <p>{error}</p>}
      </div>
    </section>
  );
}
