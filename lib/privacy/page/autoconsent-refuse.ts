// Page side of « Refuser avec autoconsent » (consent walkthrough, step 2): runs
// @duckduckgo/autoconsent (MPL-2.0, used unmodified from npm) once in the MAIN world of the
// analysed tab, injected only when the juror clicks. Its CMP rules first, then its heuristic in
// 'reject' mode: it clicks a refuse control, never « accept ». No prehiding and no cosmetic rules:
// hiding a banner is not refusing it. Why autoconsent and what it finds: docs/consent-detection.md.
import AutoConsent, { type CompactCMPRuleset, type Config, type ContentScriptMessage } from '@duckduckgo/autoconsent';
import compactRules from '@duckduckgo/autoconsent/rules/compact-rules.json';
import type { AutoRefuseRaw } from '../autoconsent-result';

/** No CMP rule matched by then: there is none on this page (autoconsent itself retries for a minute). */
const NOTHING_MS = 8_000;
/** A multi-step refusal (open the settings, refuse, save) takes a few seconds at most. */
const TOTAL_MS = 20_000;
/** After its opt-out result, autoconsent reports « done » at once, unless the rule is intermediate. */
const AFTER_RESULT_MS = 1_500;

// The JSON's inferred type is looser than the tuples autoconsent declares; the file is autoconsent's own.
const compact = compactRules as unknown as CompactCMPRuleset;

const CONFIG: Partial<Config> = {
  enabled: true,
  autoAction: 'optOut',
  disabledCmps: [],
  enablePrehide: false,
  enableCosmeticRules: false,
  enableGeneratedRules: true,
  enableHeuristicDetection: true,
  heuristicMode: 'reject',
  detectRetries: 20,
  // Injected in the page's main world: the rules that call a CMP's own API (Cookiebot, Usercentrics…) run inline.
  isMainWorld: true,
  logs: { lifecycle: false, rulesteps: false, detectionsteps: false, evals: false, errors: false, messages: false, waits: false },
};

/** Looks for the consent banner and refuses it; resolves with what autoconsent reported. */
export function refuseWithAutoconsent(limits = { nothingMs: NOTHING_MS, totalMs: TOTAL_MS }): Promise<AutoRefuseRaw> {
  return new Promise((resolve) => {
    const started = performance.now();
    const seen = { detected: [] as string[], popup: null as string | null, result: null as boolean | null, resultAt: 0, clicks: 0 };
    let timer: ReturnType<typeof setInterval> | undefined;
    let settled = false;
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      const cmp = seen.popup ?? seen.detected[0] ?? null;
      resolve({
        cmp,
        popup: seen.popup !== null,
        refused: seen.result === true,
        clicks: seen.clicks,
        durationMs: Math.round(performance.now() - started),
        timedOut,
      });
    };
    const onMessage = async (message: ContentScriptMessage): Promise<void> => {
      switch (message.type) {
        case 'cmpDetected':
          seen.detected.push(message.cmp);
          break;
        case 'popupFound':
          seen.popup ??= message.cmp;
          break;
        case 'optOutResult':
          seen.result = message.result;
          seen.resultAt = performance.now();
          if (!message.result) finish(false);
          break;
        case 'autoconsentDone':
          seen.clicks = message.totalClicks;
          finish(false);
          break;
        case 'report':
          seen.clicks = message.state.clicks;
          if (['nothingDetected', 'optOutFailed', 'done'].includes(message.state.lifecycle)) finish(false);
          break;
      }
    };
    timer = setInterval(() => {
      const now = performance.now();
      if (seen.result !== null && now - seen.resultAt > AFTER_RESULT_MS) finish(false);
      else if (seen.detected.length === 0 && now - started > limits.nothingMs) finish(false);
      else if (now - started > limits.totalMs) finish(true);
    }, 200);
    try {
      new AutoConsent(onMessage, CONFIG, { autoconsent: [], compact });
    } catch {
      finish(false);
    }
  });
}
