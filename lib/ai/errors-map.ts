// The openai SDK's errors mapped onto AiError. Imports the SDK: only the request and client
// modules (loaded on the first AI action) use it; the panel uses asAiError (errors.ts).
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ContentFilterFinishReasonError, LengthFinishReasonError } from 'openai/error';
import { AiError, asAiError, providerSays, retryAfterFrom } from './errors';

const mentionsModel = (error: APIError) =>
  /model|deployment|d[ée]ploiement/i.test(`${error.code ?? ''} ${error.message}`);

function fromApiError(error: APIError): AiError {
  const status = error.status;
  const cause = error;
  if (status === 401 || status === 403) {
    return new AiError('wrong-key', {
      status,
      cause,
      ...(status === 403
        ? { detail: { fr: "(Accès refusé : la clé n'a peut-être pas droit à ce modèle.)", en: '(Access denied: the key may not be allowed to use this model.)' } }
        : {}),
    });
  }
  if (status === 404) {
    if (mentionsModel(error)) return new AiError('unknown-model', { status, cause });
    return new AiError('failed', {
      status,
      cause,
      text: {
        fr: "Adresse introuvable chez le fournisseur (HTTP 404) : vérifiez l'adresse de base dans les options de Grille (elle se termine souvent par /v1).",
        en: 'Address not found at the provider (HTTP 404): check the base URL in Grille’s options (it often ends with /v1).',
      },
    });
  }
  if (status === 429) {
    if (error.code === 'insufficient_quota' || /quota/i.test(error.message)) {
      return new AiError('rate-limited', {
        status,
        cause,
        text: {
          fr: 'Quota épuisé chez le fournisseur : vérifiez votre forfait ou votre crédit, puis réessayez.',
          en: 'Quota exhausted at the provider: check your plan or credit, then try again.',
        },
      });
    }
    const retryAfterMs = retryAfterFrom(error.headers);
    return new AiError('rate-limited', { status, cause, retryable: true, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }
  if (status === 408) return new AiError('timeout', { status, cause, retryable: true });
  if (status !== undefined && status >= 500) return new AiError('provider-down', { status, cause, retryable: true });
  if (status === 400 && /context|too long|maximum.*tokens|token limit/i.test(`${error.code ?? ''} ${error.message}`)) {
    return new AiError('failed', {
      status,
      cause,
      text: {
        fr: "La demande dépasse la taille que ce modèle accepte : demandez moins de critères à la fois, ou choisissez un modèle à plus grand contexte.",
        en: 'The request is larger than this model accepts: ask for fewer criteria at a time, or pick a model with a larger context.',
      },
    });
  }
  const detail = providerSays(error.message);
  return new AiError('failed', { status, cause, ...(detail ? { detail } : {}) });
}

/** Maps anything thrown while talking to a provider to an AiError. */
export function toAiError(e: unknown): AiError {
  if (e instanceof AiError) return e;
  // Subclasses first: the timeout error is a connection error, and both are APIErrors.
  if (e instanceof APIUserAbortError) return new AiError('cancelled', { cause: e });
  if (e instanceof APIConnectionTimeoutError) return new AiError('timeout', { cause: e, retryable: true });
  if (e instanceof APIConnectionError) return new AiError('network', { cause: e, retryable: true });
  if (e instanceof APIError) return fromApiError(e);
  if (e instanceof ContentFilterFinishReasonError) return new AiError('refusal', { cause: e });
  if (e instanceof LengthFinishReasonError) return new AiError('bad-output', { cause: e });
  return asAiError(e);
}
