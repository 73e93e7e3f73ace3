// One openai SDK client per configuration, and « Tester la connexion ». The SDK talks to any
// OpenAI-compatible endpoint; Azure goes through its AzureOpenAI class (api-key header,
// api-version query). Retries are ours (lib/ai/request.ts), so the SDK's are off.
import OpenAI, { AzureOpenAI } from 'openai';
import type { AiConfig } from './contract';
import { AiError } from './errors';
import { toAiError } from './errors-map';
import { DEFAULT_AZURE_API_VERSION, NO_KEY_PLACEHOLDER } from './providers';

export function createClient(config: AiConfig): OpenAI {
  const common = {
    baseURL: config.baseUrl.replace(/\/+$/, ''),
    timeout: config.timeoutMs,
    maxRetries: 0,
    // The key is the juror's own, typed by them in the options page and stored in the
    // extension's local storage; the request leaves from the extension's page, not a web page.
    dangerouslyAllowBrowser: true,
    // Never pick up OPENAI_* environment variables (tests, scripts): only the juror's settings count.
    organization: null,
    project: null,
    // The SDK would log request details through console at some levels: keep it quiet.
    logLevel: 'off' as const,
  };
  if (config.provider === 'azure-openai') {
    return new AzureOpenAI({ ...common, apiKey: config.apiKey, apiVersion: config.apiVersion ?? DEFAULT_AZURE_API_VERSION });
  }
  return new OpenAI({ ...common, apiKey: config.apiKey || NO_KEY_PLACEHOLDER });
}

const isAuthOrNetwork = (error: AiError) => ['wrong-key', 'network', 'timeout', 'cancelled', 'rate-limited', 'provider-down'].includes(error.code);

/**
 * A minimal real request: the model's description when the provider serves /models/{id}, else
 * a one-word chat completion (Azure deployments, servers without that route). Failures are
 * AiErrors with the French message the options page shows.
 */
export async function testConnection(config: AiConfig, options: { signal?: AbortSignal } = {}): Promise<{ model: string }> {
  const client = createClient(config);
  const requestOptions = options.signal ? { signal: options.signal } : {};
  if (config.provider !== 'azure-openai') {
    try {
      const model = await client.models.retrieve(config.model, requestOptions);
      return { model: model.id || config.model };
    } catch (e) {
      const error = toAiError(e);
      if (isAuthOrNetwork(error)) throw error;
      // 404 (unknown model, or no such route), 405…: the chat completion below tells which.
    }
  }
  try {
    const completion = await client.chat.completions.create(
      { model: config.model, messages: [{ role: 'user', content: 'Réponds seulement : ok' }] },
      requestOptions,
    );
    return { model: completion.model || config.model };
  } catch (e) {
    throw toAiError(e);
  }
}
