// The AI core as the panel and the options page use it. Components take these as a prop (tests
// pass fakes); the defaults are the real modules.
import { browser } from 'wxt/browser';
import type { AiConfig, PreparedRequest, SuggestionRequest, SuggestionRun } from './contract';
import type { Finding } from '../checks/types';
import type { PageSnapshot } from '../page/facts';
import { clearAiConfig, loadAiConfig, saveAiConfig } from './config';
import { prepareRequest } from './prepare';

// The openai SDK and the request machinery load on the first AI action only: a juror who never
// configures a provider does not pay for them when the panel opens.
const loadRequest = () => import('./request');
const loadClient = () => import('./client');

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (receivedChars: number) => void;
  snapshot: PageSnapshot;
  findings: readonly Finding[];
  /** The evaluation's evidence items, to check evidence references. */
  evidenceIds?: readonly string[];
}

export interface AiPanelServices {
  loadConfig(): Promise<AiConfig | null>;
  /** Deterministic: what will be sent, shown before anything is. */
  prepare(request: SuggestionRequest, config: AiConfig): PreparedRequest;
  request(prepared: PreparedRequest, config: AiConfig, options: RunOptions): Promise<SuggestionRun>;
  openOptions(): void;
}

export interface AiOptionsServices {
  loadConfig(): Promise<AiConfig | null>;
  saveConfig(config: AiConfig): Promise<void>;
  clearConfig(): Promise<void>;
  testConnection(config: AiConfig, options: { signal?: AbortSignal }): Promise<{ model: string }>;
}

export const aiPanelServices: AiPanelServices = {
  loadConfig: loadAiConfig,
  prepare: prepareRequest,
  request: async (prepared, config, options) => (await loadRequest()).requestSuggestions(prepared, config, options),
  openOptions: () => void browser.runtime.openOptionsPage().catch(() => undefined),
};

export const aiOptionsServices: AiOptionsServices = {
  loadConfig: loadAiConfig,
  saveConfig: saveAiConfig,
  clearConfig: clearAiConfig,
  testConnection: async (config, options) => (await loadClient()).testConnection(config, options),
};
