// The OpenAI-compatible providers Grille knows presets for (options page), and the defaults of a
// connection. Any other compatible endpoint works through « other ».
import type { Provider } from './contract';

export interface ProviderPreset {
  label: string;
  /** Base URL to start from; Azure's is a pattern with the juror's resource and deployment to fill in. */
  baseUrl: string;
  /** Whether the provider requires an API key (local servers do not). */
  needsKey: boolean;
  /** What to type as the model (shown as a placeholder). */
  modelHint: string;
}

export const PROVIDER_PRESETS: Record<Provider, ProviderPreset> = {
  openai: { label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', needsKey: true, modelHint: 'gpt-4.1-mini' },
  'azure-openai': {
    label: 'Azure OpenAI',
    baseUrl: 'https://<ressource>.openai.azure.com/openai/deployments/<déploiement>',
    needsKey: true,
    modelHint: 'nom du déploiement',
  },
  mistral: { label: 'Mistral AI', baseUrl: 'https://api.mistral.ai/v1', needsKey: true, modelHint: 'mistral-small-latest' },
  ollama: { label: 'Ollama (local)', baseUrl: 'http://localhost:11434/v1', needsKey: false, modelHint: 'qwen2.5:7b' },
  'lm-studio': { label: 'LM Studio (local)', baseUrl: 'http://localhost:1234/v1', needsKey: false, modelHint: 'le modèle chargé dans LM Studio' },
  other: { label: 'Autre (compatible OpenAI)', baseUrl: '', needsKey: false, modelHint: '' },
};

/** Waiting longer than this for a provider that sends nothing is treated as a timeout. */
export const DEFAULT_TIMEOUT_MS = 120_000;
export const MIN_TIMEOUT_MS = 5_000;
export const MAX_TIMEOUT_MS = 600_000;

/** Azure OpenAI api-version used when the juror gives none (GA, supports structured outputs). */
export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

/** Sent as the key to local servers that need none: the SDK refuses an empty key. */
export const NO_KEY_PLACEHOLDER = 'sans-cle';
