// Helpers for the AI screens (panel and options page): the suggestion as observation text, errors
// in words, host access for the provider, the stored configuration as a hook. No network here.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { uiLanguage } from '../i18n';
import { originPattern } from '../page/active-deliverable';
import type { AiConfig, AiErrorCode, FactProblem, SuggestionRun, VerifiedFact, VerifiedSuggestion } from './contract';
import { asAiError } from './errors';
import { restore } from './redact';
import { M } from './ui-messages';

type Lang = 'fr' | 'en';

/** The provider's host pattern for permissions.request (« https://api.openai.com/* »), or null if the URL is not http(s). */
export const providerOrigin = (baseUrl: string): string | null => originPattern(baseUrl.trim());

/**
 * Asks the browser for access to the provider's host. Must be called in the click's own task
 * (no await before it); already granted: no prompt. Resolves false when refused, null when it
 * could not be asked (no http(s) URL, or the API failed).
 */
export function requestProviderAccess(baseUrl: string): Promise<boolean | null> {
  const pattern = providerOrigin(baseUrl);
  if (!pattern) return Promise.resolve(null);
  try {
    return browser.permissions.request({ origins: [pattern] }).then(
      (granted) => granted,
      () => null,
    );
  } catch {
    return Promise.resolve(null);
  }
}

/** « ••••1234 »: enough to recognise a key, never the key. */
export function maskKey(key: string): string {
  const k = key.trim();
  if (!k) return '';
  return k.length >= 12 ? `••••${k.slice(-4)}` : '••••';
}

export interface ErrorInWords {
  code: AiErrorCode;
  text: { fr: string; en: string };
  retryable: boolean;
}

/** Any failure of a request, as the juror reads it (from AiError's French and English text). */
export function errorInWords(e: unknown): ErrorInWords {
  const error = asAiError(e);
  return { code: error.code, text: error.text, retryable: error.code !== 'not-configured' };
}

/** Puts back the names the pseudonymisation replaced, everywhere in a run (idempotent: restored text has no placeholder left). */
export function restoreRun(run: SuggestionRun, redactions: ReadonlyMap<string, string>): SuggestionRun {
  if (!redactions.size) return run;
  const r = (text: string) => restore(text, redactions);
  const rn = (text: string | null) => (text === null ? null : r(text));
  return {
    ...run,
    suggestions: run.suggestions.map((s) => ({
      ...s,
      facts: s.facts.map((f) => ({ ...f, text: r(f.text), quote: rn(f.quote) })),
      missing: s.missing.map(r),
      questions: s.questions.map(r),
    })),
  };
}

const QUOTE_PROBLEMS: readonly FactProblem[] = ['quote-not-found', 'quote-with-placeholders', 'quote-too-short'];

/** One fact as a line of the observation: its quote (a hidden-text quote is left out), each problem said. */
function factLine(fact: VerifiedFact, findingTitle: (ruleId: string) => string | null, lang: Lang): string {
  const problems = fact.problems ?? [];
  const notes: string[] = [];
  let line = fact.text.trim();
  if (fact.quote && problems.includes('quote-in-hidden-text')) notes.push(M.textProblem['quote-in-hidden-text'][lang]);
  else if (fact.quote) {
    line += ` — « ${fact.quote.trim()} »`;
    const problem = problems.find((p) => QUOTE_PROBLEMS.includes(p));
    if (problem) notes.push(M.textProblem[problem][lang]);
    else if (fact.verified === false) notes.push(M.textUnverified[lang]);
  }
  if (fact.findingRuleId) {
    notes.push(
      problems.includes('unknown-finding')
        ? M.textInvented('finding', fact.findingRuleId)[lang]
        : M.textFinding(findingTitle(fact.findingRuleId) ?? fact.findingRuleId)[lang],
    );
  }
  if (fact.evidenceId && problems.includes('unknown-evidence')) notes.push(M.textInvented('evidence', fact.evidenceId)[lang]);
  if (problems.includes('no-support')) notes.push(M.textProblem['no-support'][lang]);
  return `${line}${notes.map((n) => ` (${n})`).join('')}`.trim();
}

/**
 * The suggestion as observation text: one line per observed fact with its quote and what is
 * wrong with it, if anything (a quote of hidden text is never copied as evidence), then what
 * cannot be observed, then « preuves insuffisantes ». The oral questions stay in the panel: they
 * are for the jury, not for the record.
 */
export function suggestionText(s: VerifiedSuggestion, findingTitle: (ruleId: string) => string | null = () => null, lang: Lang = uiLanguage()): string {
  const lines = s.facts.map((fact) => factLine(fact, findingTitle, lang)).filter(Boolean);
  const missing = s.missing.map((m) => m.trim().replace(/[.;]+$/, '')).filter(Boolean);
  if (missing.length) lines.push(M.textMissing(missing.join(' ; '))[lang]);
  if (s.insufficientEvidence) lines.push(M.textInsufficient[lang]);
  return lines.join('\n');
}

export const formatCount = (n: number) => n.toLocaleString(uiLanguage() === 'en' ? 'en-GB' : 'fr-FR');
export const formatWhen = (at: number) => new Date(at).toLocaleString(uiLanguage() === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'short' });

export type ConfigState = { status: 'loading' } | { status: 'ready'; config: AiConfig | null };

/** The stored AI configuration, followed as it changes (the options page saves it while the panel is open). */
export function useAiConfig(load: () => Promise<AiConfig | null>): ConfigState {
  const [state, setState] = useState<ConfigState>({ status: 'loading' });
  useEffect(() => {
    let alive = true;
    const read = () =>
      void load().then(
        (config) => alive && setState({ status: 'ready', config }),
        () => alive && setState({ status: 'ready', config: null }),
      );
    read();
    const onChanged = (_changes: unknown, area: string) => {
      if (area === 'local') read();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [load]);
  return state;
}
