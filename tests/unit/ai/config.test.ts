import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  AI_CONFIG_STORAGE_KEY,
  clearAiConfig,
  DEFAULT_TIMEOUT_MS,
  defaultAiConfig,
  loadAiConfig,
  PROVIDER_PRESETS,
  requireAiConfig,
  saveAiConfig,
  validateAiConfig,
} from '@/lib/ai/config';
import { PROVIDERS, type AiConfig } from '@/lib/ai/contract';

const openai: AiConfig = { provider: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4.1-mini', apiKey: 'sk-secret-123', pseudonymise: true, timeoutMs: DEFAULT_TIMEOUT_MS };

describe('presets', () => {
  test('one per provider, with the documented base URLs', () => {
    expect(Object.keys(PROVIDER_PRESETS).sort()).toEqual([...PROVIDERS].sort());
    expect(PROVIDER_PRESETS.openai.baseUrl).toBe('https://api.openai.com/v1');
    expect(PROVIDER_PRESETS.mistral.baseUrl).toBe('https://api.mistral.ai/v1');
    expect(PROVIDER_PRESETS.ollama).toMatchObject({ baseUrl: 'http://localhost:11434/v1', needsKey: false });
    expect(PROVIDER_PRESETS['lm-studio']).toMatchObject({ baseUrl: 'http://localhost:1234/v1', needsKey: false });
    expect(PROVIDER_PRESETS['azure-openai'].baseUrl).toBe('https://<ressource>.openai.azure.com/openai/deployments/<déploiement>');
  });

  test('a default configuration pseudonymises', () => {
    for (const provider of PROVIDERS) expect(defaultAiConfig(provider).pseudonymise).toBe(true);
    expect(defaultAiConfig('azure-openai').apiVersion).toBe('2024-10-21');
  });
});

describe('validateAiConfig', () => {
  test('accepts a complete configuration', () => {
    expect(validateAiConfig(openai)).toEqual({ ok: true, config: openai });
  });

  test.each([
    ['a non-http URL', { baseUrl: 'ftp://example.org/v1' }, 'baseUrl'],
    ['a javascript: URL', { baseUrl: 'javascript:alert(1)' }, 'baseUrl'],
    ['credentials in the URL', { baseUrl: 'https://user:pw@example.org/v1' }, 'baseUrl'],
    ['Azure’s unfilled pattern', { provider: 'azure-openai', baseUrl: PROVIDER_PRESETS['azure-openai'].baseUrl }, 'baseUrl'],
    ['no model', { model: '  ' }, 'model'],
    ['no key where one is needed', { apiKey: '' }, 'apiKey'],
    ['a timeout too short', { timeoutMs: 100 }, 'timeoutMs'],
  ] as const)('refuses %s, naming the field', (_, change, field) => {
    const result = validateAiConfig({ ...openai, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field)).toContain(field);
  });

  test('a local server needs no key; Azure gets a default api-version; others drop it', () => {
    expect(validateAiConfig({ ...openai, provider: 'ollama', baseUrl: 'http://localhost:11434/v1', apiKey: '' }).ok).toBe(true);
    const azure = validateAiConfig({ ...openai, provider: 'azure-openai', baseUrl: 'https://maressource.openai.azure.com/openai/deployments/gpt4o' });
    expect(azure.ok && azure.config.apiVersion).toBe('2024-10-21');
    const other = validateAiConfig({ ...openai, apiVersion: '2024-10-21' });
    expect(other.ok && 'apiVersion' in other.config).toBe(false);
  });
});

describe('storage', () => {
  let logs: ReturnType<typeof vi.spyOn>[];
  beforeEach(() => {
    logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level));
  });
  afterEach(() => {
    for (const spy of logs) {
      for (const call of spy.mock.calls) expect(JSON.stringify(call)).not.toContain('sk-secret-123');
      spy.mockRestore();
    }
  });

  test('nothing stored: null, and requireAiConfig says how to set one up', async () => {
    expect(await loadAiConfig()).toBeNull();
    await expect(requireAiConfig()).rejects.toMatchObject({ code: 'not-configured', message: expect.stringMatching(/ouvrez les options de Grille/) });
  });

  test('saved under one storage.local key, key included; never in sync storage', async () => {
    await saveAiConfig(openai);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ [AI_CONFIG_STORAGE_KEY]: openai });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(await loadAiConfig()).toEqual(openai);
  });

  test('an invalid configuration is refused with a French message, and nothing is stored', async () => {
    await expect(saveAiConfig({ ...openai, baseUrl: 'pas une adresse' })).rejects.toThrow(/L'adresse doit être une URL http:\/\/ ou https:\/\//);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  test('a stored value that no longer validates reads as none', async () => {
    await fakeBrowser.storage.local.set({ [AI_CONFIG_STORAGE_KEY]: { provider: 'openai' } });
    expect(await loadAiConfig()).toBeNull();
  });

  test('clearAiConfig removes it', async () => {
    await saveAiConfig(openai);
    await clearAiConfig();
    expect(await loadAiConfig()).toBeNull();
  });
});
