import { useId, type ReactNode } from 'react';
import type { AiConfig, Provider } from '@/lib/ai/contract';
import { PROVIDERS } from '@/lib/ai/contract';
import { DEFAULT_AZURE_API_VERSION, PROVIDER_PRESETS, type ConfigIssue } from '@/lib/ai/config';
import { M } from '@/lib/ai/ui-messages';
import type { AiOptionsServices } from '@/lib/ai/ui-services';
import { maskKey } from '@/lib/ai/ui-suggestions';
import { useAiSettingsForm, type AiSettingsAction, type AiSettingsState } from '@/lib/hooks/use-ai-settings-form';
import { pick } from '@/lib/i18n';

/**
 * The juror's AI endpoint: provider preset, address, model, key (typed masked, never shown once
 * saved but as « ••••1234 »), Azure api-version, pseudonymisation (on by default), timeout;
 * « Enregistrer », « Tester la connexion », « Effacer ». Host access to the provider is asked in
 * the click that needs it.
 */
export function OptionsAiForm({ services }: { services: AiOptionsServices }) {
  const id = useId();
  const { state, dispatch, save, test, clear } = useAiSettingsForm(services);
  const { form, loaded, busy, confirmClear, status, error } = state;
  const idle = busy || !loaded;

  return (
    <form className="options-form" onSubmit={save} aria-busy={idle} noValidate>
      <ConnectionFieldset id={id} state={state} dispatch={dispatch} />
      <fieldset>
        <legend>{pick(M.privacy)}</legend>
        <div className="field">
          <label>
            <input type="checkbox" checked={form.pseudonymise} aria-describedby={`${id}-pseudonymise-hint`} onChange={(e) => dispatch({ type: 'edit', patch: { pseudonymise: e.currentTarget.checked } })} /> {pick(M.pseudonymise)}
          </label>
          <p id={`${id}-pseudonymise-hint`} className="hint">
            {pick(M.pseudonymiseHint)}
          </p>
        </div>
      </fieldset>
      <div className="options-actions">
        <button type="submit" disabled={idle}>
          {pick(M.save)}
        </button>{' '}
        <button type="button" disabled={idle} onClick={test}>
          {pick(M.test)}
        </button>{' '}
        <button type="button" disabled={idle} onClick={() => dispatch({ type: 'confirm-clear', open: true })}>
          {pick(M.clear)}
        </button>
      </div>
      {confirmClear && (
        <div className="options-confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{pick(M.clearConfirm)}</p>
          <button type="button" onClick={clear} autoFocus>
            {pick(M.clear)}
          </button>{' '}
          <button type="button" onClick={() => dispatch({ type: 'confirm-clear', open: false })}>
            {pick(M.cancel)}
          </button>
        </div>
      )}
      <div role="status" aria-live="polite" className="options-status">
        {status && <p className={status.kind === 'ok' ? 'status-ok' : undefined}>{status.text}</p>}
      </div>
      <div role="alert" className="options-error">
        {error && <p>{error}</p>}
      </div>
    </form>
  );
}

interface FieldsetProps {
  id: string;
  state: AiSettingsState;
  dispatch: (action: AiSettingsAction) => void;
}

/** Provider, address, model, key, Azure api-version and timeout. */
function ConnectionFieldset({ id, state, dispatch }: FieldsetProps) {
  const { form, issues, storedKey } = state;
  const preset = PROVIDER_PRESETS[form.provider];
  const edit = (patch: Extract<AiSettingsAction, { type: 'edit' }>['patch']) => dispatch({ type: 'edit', patch });
  const text = { id, issues, type: 'text', autoComplete: 'off', spellCheck: false } as const;

  return (
    <fieldset>
      <legend>{pick(M.connection)}</legend>
      <div className="field">
        <label htmlFor={`${id}-provider`}>{pick(M.provider)}</label>
        <select id={`${id}-provider`} value={form.provider} aria-describedby={`${id}-provider-hint`} onChange={(e) => dispatch({ type: 'provider', provider: e.currentTarget.value as Provider })}>
          {PROVIDERS.map((p) => (
            <option key={p} value={p}>
              {PROVIDER_PRESETS[p].label}
            </option>
          ))}
        </select>
        <p id={`${id}-provider-hint`} className="hint">
          {pick(M.providerHint)}
        </p>
      </div>
      <ConfigField {...text} name="baseUrl" type="url" inputMode="url" label={pick(M.baseUrl)} value={form.baseUrl} onValue={(baseUrl) => edit({ baseUrl })} hint={form.provider === 'azure-openai' ? pick(M.baseUrlAzure) : preset.baseUrl} />
      <ConfigField {...text} name="model" label={pick(M.model)} value={form.model} placeholder={preset.modelHint} onValue={(model) => edit({ model })} hint={preset.modelHint ? pick(M.modelHint(preset.modelHint)) : ''} />
      <ConfigField
        {...text}
        name="apiKey"
        type={state.showKey ? 'text' : 'password'}
        label={preset.needsKey ? pick(M.apiKey) : pick(M.apiKeyOptional)}
        value={form.key}
        onValue={(key) => edit({ key })}
        hint={storedKey ? pick(M.apiKeyStored(maskKey(storedKey))) : ''}
        after={
          <button type="button" aria-pressed={state.showKey} aria-controls={`${id}-apiKey`} onClick={() => dispatch({ type: 'toggle-key' })}>
            {state.showKey ? pick(M.hideKey) : pick(M.showKey)}
          </button>
        }
      />
      {form.provider === 'azure-openai' && <ConfigField {...text} name="apiVersion" label={pick(M.apiVersion)} value={form.apiVersion} onValue={(apiVersion) => edit({ apiVersion })} hint={DEFAULT_AZURE_API_VERSION} />}
      <ConfigField id={id} issues={issues} name="timeoutMs" type="number" min={5} max={600} step={1} label={pick(M.timeout)} value={form.timeoutSeconds} onValue={(timeoutSeconds) => edit({ timeoutSeconds })} hint={pick(M.timeoutHint)} />
    </fieldset>
  );
}

interface ConfigFieldProps {
  id: string;
  issues: readonly ConfigIssue[];
  /** The configuration field it sets: names its ids and finds its issue. */
  name: keyof AiConfig;
  label: string;
  hint: string;
  value: string;
  onValue: (value: string) => void;
  type: 'text' | 'url' | 'password' | 'number';
  inputMode?: 'url';
  autoComplete?: 'off';
  spellCheck?: boolean;
  placeholder?: string;
  min?: number;
  max?: number;
  step?: number;
  /** Beside the input (the key's « Afficher »): both then sit in a row. */
  after?: ReactNode;
}

/** One labelled input with its hint and, when it does not validate, what to fix. */
function ConfigField({ id, issues, name, label, hint, value, onValue, after, ...input }: ConfigFieldProps) {
  const issue = issues.find((i) => i.field === name);
  const control = (
    <input
      id={`${id}-${name}`}
      {...input}
      value={value}
      onChange={(e) => onValue(e.currentTarget.value)}
      aria-invalid={issue ? true : undefined}
      aria-describedby={[`${id}-${name}-hint`, issue ? `${id}-${name}-error` : ''].filter(Boolean).join(' ')}
    />
  );
  return (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {after ? (
        <div className="key-row">
          {control} {after}
        </div>
      ) : (
        control
      )}
      <p id={`${id}-${name}-hint`} className="hint">
        {hint}
      </p>
      {issue && (
        <p id={`${id}-${name}-error`} className="field-error">
          {pick(issue.message)}
        </p>
      )}
    </div>
  );
}
