// The juror's AI endpoint: validated, kept in the extension's local storage under one key
// (browser.storage.local — never sync storage, which would copy the key to other machines, never
// IndexedDB, which backups and exports read). The key is never logged nor exported.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { Localized } from '../i18n/localized';
import { PROVIDERS, type AiConfig, type Provider } from './contract';
import { AiError } from './errors';
import { DEFAULT_AZURE_API_VERSION, DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS, MIN_TIMEOUT_MS, PROVIDER_PRESETS } from './providers';

export { DEFAULT_AZURE_API_VERSION, DEFAULT_TIMEOUT_MS, PROVIDER_PRESETS } from './providers';
export type { ProviderPreset } from './providers';

/** The one storage.local key holding the configuration, key included. */
export const AI_CONFIG_STORAGE_KEY = 'grille:ai-config';

const httpUrl = z
  .string()
  .trim()
  .max(2_048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'url');

export const AiConfigSchema = z
  .object({
    provider: z.enum(PROVIDERS),
    baseUrl: httpUrl,
    model: z.string().trim().min(1).max(200),
    apiKey: z.string().trim().max(4_000),
    apiVersion: z.string().trim().min(1).max(40).optional(),
    pseudonymise: z.boolean(),
    timeoutMs: z.number().int().min(MIN_TIMEOUT_MS).max(MAX_TIMEOUT_MS),
  })
  .superRefine((config, ctx) => {
    if (PROVIDER_PRESETS[config.provider].needsKey && !config.apiKey) ctx.addIssue({ code: 'custom', path: ['apiKey'], message: 'key' });
    if (/[<>]/.test(config.baseUrl)) ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: 'placeholder' });
  });

const FIELD_MESSAGES: Record<string, Localized> = {
  provider: { fr: 'Choisissez un fournisseur.', en: 'Choose a provider.' },
  baseUrl: {
    fr: "L'adresse doit être une URL http:// ou https:// complète, sans identifiant, avec votre ressource et votre déploiement s'il s'agit d'Azure.",
    en: 'The address must be a full http:// or https:// URL, without credentials, with your resource and deployment for Azure.',
  },
  model: { fr: 'Indiquez le nom du modèle (ou du déploiement Azure).', en: 'Give the model name (or the Azure deployment).' },
  apiKey: { fr: "Ce fournisseur demande une clé d'API.", en: 'This provider needs an API key.' },
  apiVersion: { fr: "Indiquez la version d'API Azure (par exemple 2024-10-21).", en: 'Give the Azure API version (e.g. 2024-10-21).' },
  timeoutMs: {
    fr: `Le délai d'attente doit être compris entre ${MIN_TIMEOUT_MS / 1000} et ${MAX_TIMEOUT_MS / 1000} secondes.`,
    en: `The timeout must be between ${MIN_TIMEOUT_MS / 1000} and ${MAX_TIMEOUT_MS / 1000} seconds.`,
  },
  pseudonymise: { fr: 'Choix de pseudonymisation invalide.', en: 'Invalid pseudonymisation choice.' },
};

export interface ConfigIssue {
  field: keyof AiConfig;
  message: Localized;
}

export type ConfigValidation = { ok: true; config: AiConfig } | { ok: false; issues: ConfigIssue[] };

/** Checks a configuration typed in the options page; issues name the field and say what to fix. */
export function validateAiConfig(input: unknown): ConfigValidation {
  const parsed = AiConfigSchema.safeParse(input);
  if (parsed.success) {
    const config: AiConfig = { ...parsed.data };
    if (config.provider === 'azure-openai' && !config.apiVersion) config.apiVersion = DEFAULT_AZURE_API_VERSION;
    if (config.provider !== 'azure-openai') delete config.apiVersion;
    return { ok: true, config };
  }
  const seen = new Set<string>();
  const issues: ConfigIssue[] = [];
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'baseUrl') as keyof AiConfig;
    if (seen.has(field)) continue;
    seen.add(field);
    issues.push({ field, message: FIELD_MESSAGES[field] ?? { fr: 'Valeur invalide.', en: 'Invalid value.' } });
  }
  return { ok: false, issues };
}

/** A starting configuration for a provider (options page), pseudonymisation on. */
export function defaultAiConfig(provider: Provider): AiConfig {
  const preset = PROVIDER_PRESETS[provider];
  return {
    provider,
    baseUrl: preset.baseUrl,
    model: '',
    apiKey: '',
    ...(provider === 'azure-openai' ? { apiVersion: DEFAULT_AZURE_API_VERSION } : {}),
    pseudonymise: true,
    timeoutMs: DEFAULT_TIMEOUT_MS,
  };
}

/** The stored configuration, or null when none is stored (or what is stored no longer validates). */
export async function loadAiConfig(): Promise<AiConfig | null> {
  const stored = (await browser.storage.local.get(AI_CONFIG_STORAGE_KEY))[AI_CONFIG_STORAGE_KEY];
  if (stored === undefined) return null;
  const result = validateAiConfig(stored);
  return result.ok ? result.config : null;
}

/** Validates then stores; throws an Error whose message says, in French, what to fix. */
export async function saveAiConfig(config: AiConfig): Promise<void> {
  const result = validateAiConfig(config);
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message.fr).join(' '));
  await browser.storage.local.set({ [AI_CONFIG_STORAGE_KEY]: result.config });
}

export async function clearAiConfig(): Promise<void> {
  await browser.storage.local.remove(AI_CONFIG_STORAGE_KEY);
}

/** The stored configuration, or AiError 'not-configured'. */
export async function requireAiConfig(): Promise<AiConfig> {
  const config = await loadAiConfig();
  if (!config) throw new AiError('not-configured');
  return config;
}
