// The options page's AI endpoint form as one state: the fields as typed, the stored key (kept in
// memory to test or re-save, never put back in the page), what to fix, the status and error
// lines, and the save / test / clear actions that ask for host access in the click.
import { useEffect, useReducer, useRef, type FormEvent } from 'react';
import type { AiConfig, Provider } from '../ai/contract';
import { DEFAULT_AZURE_API_VERSION, DEFAULT_TIMEOUT_MS, PROVIDER_PRESETS, validateAiConfig, type ConfigIssue } from '../ai/config';
import { M } from '../ai/ui-messages';
import type { AiOptionsServices } from '../ai/ui-services';
import { errorInWords, providerOrigin, requestProviderAccess } from '../ai/ui-suggestions';
import { pick } from '../i18n';

export interface AiSettingsFields {
  provider: Provider;
  baseUrl: string;
  model: string;
  /** A key being typed; empty keeps the stored one. */
  key: string;
  apiVersion: string;
  pseudonymise: boolean;
  timeoutSeconds: string;
}

export type AiSettingsStatus = { kind: 'info' | 'ok'; text: string } | null;

export interface AiSettingsState {
  form: AiSettingsFields;
  storedKey: string;
  loaded: boolean;
  showKey: boolean;
  issues: ConfigIssue[];
  status: AiSettingsStatus;
  error: string | null;
  busy: boolean;
  confirmClear: boolean;
}

export type AiSettingsAction =
  | { type: 'loaded'; config: AiConfig | null }
  | { type: 'edit'; patch: Partial<Omit<AiSettingsFields, 'provider'>> }
  | { type: 'provider'; provider: Provider }
  | { type: 'toggle-key' }
  | { type: 'confirm-clear'; open: boolean }
  | { type: 'checked'; issues: ConfigIssue[]; error?: string }
  | { type: 'start'; status?: AiSettingsStatus }
  | { type: 'clearing' }
  | { type: 'saved'; apiKey: string }
  | { type: 'cleared' }
  | { type: 'finish'; status?: AiSettingsStatus; error?: string };

const fresh = (provider: Provider = 'openai'): AiSettingsFields => ({
  provider,
  baseUrl: PROVIDER_PRESETS[provider].baseUrl,
  model: '',
  key: '',
  apiVersion: DEFAULT_AZURE_API_VERSION,
  pseudonymise: true,
  timeoutSeconds: String(DEFAULT_TIMEOUT_MS / 1000),
});

const fromConfig = (c: AiConfig): AiSettingsFields => ({
  provider: c.provider,
  baseUrl: c.baseUrl,
  model: c.model,
  key: '',
  apiVersion: c.apiVersion ?? DEFAULT_AZURE_API_VERSION,
  pseudonymise: c.pseudonymise,
  timeoutSeconds: String(Math.round(c.timeoutMs / 1000)),
});

const initialState = (): AiSettingsState => ({
  form: fresh(),
  storedKey: '',
  loaded: false,
  showKey: false,
  issues: [],
  status: null,
  error: null,
  busy: false,
  confirmClear: false,
});

export function reduceAiSettings(state: AiSettingsState, action: AiSettingsAction): AiSettingsState {
  switch (action.type) {
    case 'loaded':
      return action.config ? { ...state, form: fromConfig(action.config), storedKey: action.config.apiKey, loaded: true } : { ...state, loaded: true };
    case 'edit':
      return { ...state, form: { ...state.form, ...action.patch } };
    case 'provider': {
      const { provider } = action;
      return { ...state, form: { ...state.form, provider, baseUrl: PROVIDER_PRESETS[provider].baseUrl || state.form.baseUrl }, issues: [] };
    }
    case 'toggle-key':
      return { ...state, showKey: !state.showKey };
    case 'confirm-clear':
      return { ...state, confirmClear: action.open };
    case 'checked':
      // Invalid: what to fix replaces the status line.
      return action.error === undefined ? { ...state, issues: action.issues } : { ...state, issues: action.issues, status: null, error: action.error };
    case 'start':
      return { ...state, busy: true, error: null, ...(action.status === undefined ? {} : { status: action.status }) };
    case 'clearing':
      return { ...state, confirmClear: false, busy: true };
    case 'saved':
      return { ...state, storedKey: action.apiKey, form: { ...state.form, key: '' }, showKey: false };
    case 'cleared':
      return { ...state, form: fresh(), storedKey: '', issues: [], error: null, status: { kind: 'ok', text: pick(M.cleared) }, busy: false };
    case 'finish':
      return {
        ...state,
        busy: false,
        ...(action.status === undefined ? {} : { status: action.status }),
        ...(action.error === undefined ? {} : { error: action.error }),
      };
  }
}

/** The configuration as typed, the stored key when none is typed. */
function typedConfig(form: AiSettingsFields, storedKey: string): AiConfig {
  const seconds = Number(form.timeoutSeconds.replace(',', '.'));
  return {
    provider: form.provider,
    baseUrl: form.baseUrl.trim(),
    model: form.model.trim(),
    apiKey: form.key.trim() || storedKey,
    ...(form.provider === 'azure-openai' ? { apiVersion: form.apiVersion.trim() } : {}),
    pseudonymise: form.pseudonymise,
    timeoutMs: Number.isFinite(seconds) ? Math.round(seconds * 1000) : NaN,
  };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const origin = (config: AiConfig) => providerOrigin(config.baseUrl) ?? config.baseUrl;
type Dispatch = (action: AiSettingsAction) => void;

async function saveAndReport(services: AiOptionsServices, config: AiConfig, access: Promise<boolean | null>, dispatch: Dispatch) {
  try {
    await services.saveConfig(config);
    dispatch({ type: 'saved', apiKey: config.apiKey });
    const granted = await access;
    dispatch({ type: 'finish', status: { kind: 'ok', text: granted === false ? pick(M.savedDenied(origin(config))) : pick(M.saved) } });
  } catch (e) {
    dispatch({ type: 'finish', error: message(e) });
  }
}

async function testAndReport(services: AiOptionsServices, config: AiConfig, access: Promise<boolean | null>, signal: AbortSignal, dispatch: Dispatch) {
  try {
    if ((await access) === false) {
      dispatch({ type: 'finish', status: null, error: pick(M.denied(origin(config))) });
      return;
    }
    const { model } = await services.testConnection(config, { signal });
    dispatch({ type: 'finish', status: { kind: 'ok', text: pick(M.testOk(model || config.model)) } });
  } catch (e) {
    dispatch({ type: 'finish', status: null, error: pick(errorInWords(e).text) });
  }
}

export function useAiSettingsForm(services: AiOptionsServices) {
  const [state, dispatch] = useReducer(reduceAiSettings, undefined, initialState);
  const testing = useRef<AbortController | null>(null);

  useEffect(() => {
    let alive = true;
    void services.loadConfig().then(
      (config) => alive && dispatch({ type: 'loaded', config }),
      () => alive && dispatch({ type: 'loaded', config: null }),
    );
    return () => {
      alive = false;
      testing.current?.abort();
    };
  }, [services]);

  /** The typed configuration validated, or null after showing what to fix. */
  const validated = (): AiConfig | null => {
    const result = validateAiConfig(typedConfig(state.form, state.storedKey));
    if (result.ok) dispatch({ type: 'checked', issues: [] });
    else dispatch({ type: 'checked', issues: result.issues, error: `${pick(M.fixFields)} ${result.issues.map((i) => pick(i.message)).join(' ')}` });
    return result.ok ? result.config : null;
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (state.busy) return;
    const config = validated();
    if (!config) return;
    // In the click's own task: no await before it.
    const access = requestProviderAccess(config.baseUrl);
    dispatch({ type: 'start' });
    void saveAndReport(services, config, access, dispatch);
  };

  const test = () => {
    if (state.busy) return;
    const config = validated();
    if (!config) return;
    const access = requestProviderAccess(config.baseUrl);
    const abort = new AbortController();
    testing.current?.abort();
    testing.current = abort;
    dispatch({ type: 'start', status: { kind: 'info', text: pick(M.testing) } });
    void testAndReport(services, config, access, abort.signal, dispatch);
  };

  const clear = () => {
    dispatch({ type: 'clearing' });
    void services.clearConfig().then(
      () => dispatch({ type: 'cleared' }),
      (e: unknown) => dispatch({ type: 'finish', error: message(e) }),
    );
  };

  return { state, dispatch, save, test, clear };
}
