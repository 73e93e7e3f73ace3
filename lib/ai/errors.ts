// What can go wrong when Grille asks a model for suggestions, as one error type with a code and
// a French sentence the panel shows as is (English beside it). toAiError (errors-map.ts, loaded
// with the SDK) maps the openai SDK's
// errors (and fetch's, zod's, aborts) onto it; the provider's own message is never shown raw for
// key problems, and anything that looks like a key is masked before it is shown.
import type { AiErrorCode } from './contract';
import type { Localized } from '../i18n/localized';

export interface AiErrorDetails {
  /** Rate limits: how long the provider asked to wait. */
  retryAfterMs?: number;
  /** Whether trying again later can help (rate limit, provider down, network). */
  retryable?: boolean;
  /** HTTP status when there was one. */
  status?: number;
  /** A short extra sentence (already safe to show), appended to the message. */
  detail?: Localized;
  /** Replaces the standard text for this code (same code, more precise wording). */
  text?: Localized;
  cause?: unknown;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function standardText(code: AiErrorCode, details: AiErrorDetails): Localized {
  switch (code) {
    case 'not-configured':
      return {
        fr: "Aucun fournisseur d'IA n'est configuré : ouvrez les options de Grille pour en choisir un (adresse, modèle, clé).",
        en: 'No AI provider is set up: open Grille’s options to choose one (address, model, key).',
      };
    case 'wrong-key':
      return {
        fr: "Clé d'API refusée par le fournisseur : vérifiez-la dans les options de Grille.",
        en: 'API key refused by the provider: check it in Grille’s options.',
      };
    case 'unknown-model':
      return {
        fr: "Modèle inconnu du fournisseur : vérifiez son nom (ou le nom du déploiement) dans les options de Grille.",
        en: 'The provider does not know this model: check its name (or the deployment name) in Grille’s options.',
      };
    case 'rate-limited':
      return details.retryAfterMs !== undefined
        ? {
            fr: `Le fournisseur limite le nombre de requêtes : réessayez dans ${seconds(details.retryAfterMs)} s.`,
            en: `The provider is rate-limiting requests: try again in ${seconds(details.retryAfterMs)} s.`,
          }
        : {
            fr: 'Le fournisseur limite le nombre de requêtes : réessayez dans quelques instants.',
            en: 'The provider is rate-limiting requests: try again in a moment.',
          };
    case 'provider-down':
      return {
        fr: `Le fournisseur d'IA est en panne ou surchargé${details.status ? ` (HTTP ${details.status})` : ''} : réessayez plus tard.`,
        en: `The AI provider is down or overloaded${details.status ? ` (HTTP ${details.status})` : ''}: try again later.`,
      };
    case 'timeout':
      return {
        fr: "Le fournisseur n'a pas répondu à temps : réessayez, ou allongez le délai d'attente dans les options de Grille.",
        en: 'The provider did not answer in time: try again, or allow a longer wait in Grille’s options.',
      };
    case 'refusal':
      return {
        fr: "Le modèle a refusé de répondre : aucune suggestion n'a été produite.",
        en: 'The model refused to answer: no suggestion was produced.',
      };
    case 'bad-output':
      return {
        fr: "La réponse du modèle ne respecte pas le format attendu, même après une tentative de correction : aucune suggestion n'a été retenue. Réessayez, ou choisissez un modèle qui prend en charge les sorties structurées.",
        en: 'The model’s answer does not fit the expected format, even after one repair attempt: no suggestion was kept. Try again, or pick a model that supports structured outputs.',
      };
    case 'empty-answer':
      return {
        fr: "Le modèle a renvoyé une réponse vide (aucun texte) : aucune suggestion n'a été produite. Réessayez ; si cela se répète, le modèle choisi ne prend peut-être pas en charge une demande de cette taille.",
        en: 'The model returned an empty answer (no text): no suggestion was produced. Try again; if it happens again, the chosen model may not handle a request of this size.',
      };
    case 'cancelled':
      return { fr: 'Demande annulée : rien n’a été retenu.', en: 'Request cancelled: nothing was kept.' };
    case 'network':
      return {
        fr: "Fournisseur injoignable : vérifiez l'adresse dans les options de Grille et votre connexion ; un serveur local (Ollama, LM Studio) doit être démarré et accepter les requêtes de l'extension.",
        en: 'Provider unreachable: check the address in Grille’s options and your connection; a local server (Ollama, LM Studio) must be running and accept the extension’s requests.',
      };
    case 'failed':
      return {
        fr: `La demande au fournisseur d'IA a échoué${details.status ? ` (HTTP ${details.status})` : ''}.`,
        en: `The request to the AI provider failed${details.status ? ` (HTTP ${details.status})` : ''}.`,
      };
  }
}

export class AiError extends Error {
  readonly code: AiErrorCode;
  readonly retryAfterMs?: number;
  readonly retryable: boolean;
  readonly status?: number;
  /** The message in both UI languages; `message` is the French one. */
  readonly text: Localized;

  constructor(code: AiErrorCode, details: AiErrorDetails = {}) {
    const base = details.text ?? standardText(code, details);
    const text = details.detail ? { fr: `${base.fr} ${details.detail.fr}`, en: `${base.en} ${details.detail.en}` } : base;
    super(text.fr, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'AiError';
    this.code = code;
    this.text = text;
    this.retryable = details.retryable ?? false;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.status !== undefined) this.status = details.status;
  }
}

/** Masks anything that looks like a secret (sk-…, long opaque tokens) in a provider's message. */
export function maskSecrets(text: string): string {
  return text
    .replace(/\b(sk|pk|rk|key|api[-_]?key)[-_][A-Za-z0-9_\-*]{6,}/gi, '$1-••••')
    .replace(/\b[A-Za-z0-9_\-]{32,}\b/g, '••••');
}

/** A provider's own explanation, shortened and masked, to append to a generic message. */
export function providerSays(message: string | undefined): Localized | undefined {
  const clean = maskSecrets((message ?? '').replace(/\s+/g, ' ').trim()).slice(0, 240);
  return clean ? { fr: `Réponse du fournisseur : « ${clean} »`, en: `Provider’s answer: “${clean}”` } : undefined;
}

/** Milliseconds to wait from Retry-After-Ms / Retry-After (seconds or an HTTP date), if any. */
export function retryAfterFrom(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// DOMException is not always an Error of this realm (jsdom, other frames): look at the name.
export const isAbort = (e: unknown) => typeof e === 'object' && e !== null && 'name' in e && (e.name === 'AbortError' || e.name === 'TimeoutError');

/**
 * Anything the panel catches, as an AiError, without loading the openai SDK: the request and
 * client modules already throw AiErrors (errors-map.ts); aborts, network and storage failures
 * are sorted here.
 */
export function asAiError(e: unknown): AiError {
  if (e instanceof AiError) return e;
  if (isAbort(e)) return new AiError('cancelled', { cause: e });
  if (e instanceof TypeError && /fetch|network|load failed/i.test(e.message)) return new AiError('network', { cause: e, retryable: true });
  if (e instanceof Error && e.name === 'ZodError') return new AiError('bad-output', { cause: e });
  const detail = providerSays(e instanceof Error ? e.message : String(e));
  return new AiError('failed', { cause: e, ...(detail ? { detail } : {}) });
}
