import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AiConfig, Provider } from '@/lib/ai/contract';
import { PROVIDERS } from '@/lib/ai/contract';
import { DEFAULT_AZURE_API_VERSION, DEFAULT_TIMEOUT_MS, PROVIDER_PRESETS, validateAiConfig, type ConfigIssue } from '@/lib/ai/config';
import { M } from '@/lib/ai/ui-messages';
import type { AiOptionsServices } from '@/lib/ai/ui-services';
import { errorInWords, maskKey, providerOrigin, requestProviderAccess } from '@/lib/ai/ui-suggestions';
import { pick } from '@/lib/i18n';

interface Form {
  provider: Provider;
  baseUrl: string;
  model: string;
  /** A key being typed; empty keeps the stored one. */
  key: string;
  apiVersion: string;
  pseudonymise: boolean;
  timeoutSeconds: string;
}

const fresh = (provider: Provider = 'openai'): Form => ({
  provider,
  baseUrl: PROVIDER_PRESETS[provider].baseUrl,
  model: '',
  key: '',
  apiVersion: DEFAULT_AZURE_API_VERSION,
  pseudonymise: true,
  timeoutSeconds: String(DEFAULT_TIMEOUT_MS / 1000),
});

const fromConfig = (c: AiConfig): Form => ({
  provider: c.provider,
  baseUrl: c.baseUrl,
  model: c.model,
  key: '',
  apiVersion: c.apiVersion ?? DEFAULT_AZURE_API_VERSION,
  pseudonymise: c.pseudonymise,
  timeoutSeconds: String(Math.round(c.timeoutMs / 1000)),
});

type Status = { kind: 'info' | 'ok'; text: string } | null;

/**
 * The juror's AI endpoint: provider preset, address, model, key (typed masked, never shown once
 * saved but as « ••••1234 »), Azure api-version, pseudonymisation (on by default), timeout;
 * « Enregistrer », « Tester la connexion », « Effacer ». Host access to the provider is asked in
 * the click that needs it.
 */
export function OptionsAiForm({ services }: { services: AiOptionsServices }) {
  const id = useId();
  const [form, setForm] = useState<Form>(fresh);
  // The stored key stays in memory to test or re-save; it is never put back in the page.
  const [storedKey, setStoredKey] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [showKey, setShowKey] = useState(false);
  const [issues, setIssues] = useState<ConfigIssue[]>([]);
  const [status, setStatus] = useState<Status>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const testing = useRef<AbortController | null>(null);

  useEffect(() => {
    let alive = true;
    void services.loadConfig().then(
      (config) => {
        if (!alive) return;
        if (config) {
          setForm(fromConfig(config));
          setStoredKey(config.apiKey);
        }
        setLoaded(true);
      },
      () => alive && setLoaded(true),
    );
    return () => {
      alive = false;
      testing.current?.abort();
    };
  }, [services]);

  const preset = PROVIDER_PRESETS[form.provider];
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const issueOf = (field: keyof AiConfig) => issues.find((i) => i.field === field);

  /** The configuration as typed (the stored key when none is typed), validated; shows what to fix. */
  const candidate = (): AiConfig | null => {
    const seconds = Number(form.timeoutSeconds.replace(',', '.'));
    const input: AiConfig = {
      provider: form.provider,
      baseUrl: form.baseUrl.trim(),
      model: form.model.trim(),
      apiKey: form.key.trim() || storedKey,
      ...(form.provider === 'azure-openai' ? { apiVersion: form.apiVersion.trim() } : {}),
      pseudonymise: form.pseudonymise,
      timeoutMs: Number.isFinite(seconds) ? Math.round(seconds * 1000) : NaN,
    };
    const result = validateAiConfig(input);
    if (!result.ok) {
      setIssues(result.issues);
      setStatus(null);
      setError(`${pick(M.fixFields)} ${result.issues.map((i) => pick(i.message)).join(' ')}`);
      return null;
    }
    setIssues([]);
    return result.config;
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const config = candidate();
    if (!config) return;
    // In the click's own task: no await before it.
    const access = requestProviderAccess(config.baseUrl);
    setBusy(true);
    setError(null);
    void (async () => {
      try {
        await services.saveConfig(config);
        setStoredKey(config.apiKey);
        setForm((f) => ({ ...f, key: '' }));
        setShowKey(false);
        const granted = await access;
        setStatus({ kind: 'ok', text: granted === false ? pick(M.savedDenied(providerOrigin(config.baseUrl) ?? config.baseUrl)) : pick(M.saved) });
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
      }
    })();
  };

  const test = () => {
    if (busy) return;
    const config = candidate();
    if (!config) return;
    const access = requestProviderAccess(config.baseUrl);
    const abort = new AbortController();
    testing.current?.abort();
    testing.current = abort;
    setBusy(true);
    setError(null);
    setStatus({ kind: 'info', text: pick(M.testing) });
    void (async () => {
      try {
        if ((await access) === false) {
          setStatus(null);
          setError(pick(M.denied(providerOrigin(config.baseUrl) ?? config.baseUrl)));
          return;
        }
        const { model } = await services.testConnection(config, { signal: abort.signal });
        setStatus({ kind: 'ok', text: pick(M.testOk(model || config.model)) });
      } catch (e) {
        setStatus(null);
        setError(pick(errorInWords(e).text));
      } finally {
        setBusy(false);
      }
    })();
  };

  const clear = () => {
    setConfirmClear(false);
    setBusy(true);
    void services.clearConfig().then(
      () => {
        setForm(fresh());
        setStoredKey('');
        setIssues([]);
        setError(null);
        setStatus({ kind: 'ok', text: pick(M.cleared) });
        setBusy(false);
      },
      (e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
        setBusy(false);
      },
    );
  };

  const field = (name: keyof AiConfig) => {
    const issue = issueOf(name);
    return {
      'aria-invalid': issue ? true : undefined,
      'aria-describedby': [`${id}-${name}-hint`, issue ? `${id}-${name}-error` : ''].filter(Boolean).join(' '),
    } as const;
  };
  const fieldError = (name: keyof AiConfig) => {
    const issue = issueOf(name);
    return issue ? (
      <p id={`${id}-${name}-error`} className="field-error">
        {pick(issue.message)}
      </p>
    ) : null;
  };

  return (
    <form className="options-form" onSubmit={save} aria-busy={!loaded || busy} noValidate>
      <fieldset>
        <legend>{pick(M.connection)}</legend>
        <div className="field">
          <label htmlFor={`${id}-provider`}>{pick(M.provider)}</label>
          <select
            id={`${id}-provider`}
            value={form.provider}
            aria-describedby={`${id}-provider-hint`}
            onChange={(e) => {
              const provider = e.currentTarget.value as Provider;
              setForm((f) => ({ ...f, provider, baseUrl: PROVIDER_PRESETS[provider].baseUrl || f.baseUrl }));
              setIssues([]);
            }}
          >
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
        <div className="field">
          <label htmlFor={`${id}-baseUrl`}>{pick(M.baseUrl)}</label>
          <input id={`${id}-baseUrl`} type="url" inputMode="url" autoComplete="off" spellCheck={false} value={form.baseUrl} onChange={(e) => set('baseUrl', e.currentTarget.value)} {...field('baseUrl')} />
          <p id={`${id}-baseUrl-hint`} className="hint">
            {form.provider === 'azure-openai' ? pick(M.baseUrlAzure) : preset.baseUrl}
          </p>
          {fieldError('baseUrl')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-model`}>{pick(M.model)}</label>
          <input id={`${id}-model`} type="text" autoComplete="off" spellCheck={false} value={form.model} placeholder={preset.modelHint} onChange={(e) => set('model', e.currentTarget.value)} {...field('model')} />
          <p id={`${id}-model-hint`} className="hint">
            {preset.modelHint ? pick(M.modelHint(preset.modelHint)) : ''}
          </p>
          {fieldError('model')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-apiKey`}>{preset.needsKey ? pick(M.apiKey) : pick(M.apiKeyOptional)}</label>
          <div className="key-row">
            <input
              id={`${id}-apiKey`}
              type={showKey ? 'text' : 'password'}
              autoComplete="off"
              spellCheck={false}
              value={form.key}
              onChange={(e) => set('key', e.currentTarget.value)}
              {...field('apiKey')}
            />{' '}
            <button type="button" aria-pressed={showKey} aria-controls={`${id}-apiKey`} onClick={() => setShowKey((v) => !v)}>
              {showKey ? pick(M.hideKey) : pick(M.showKey)}
            </button>
          </div>
          <p id={`${id}-apiKey-hint`} className="hint">
            {storedKey ? pick(M.apiKeyStored(maskKey(storedKey))) : ''}
          </p>
          {fieldError('apiKey')}
        </div>
        {form.provider === 'azure-openai' && (
          <div className="field">
            <label htmlFor={`${id}-apiVersion`}>{pick(M.apiVersion)}</label>
            <input id={`${id}-apiVersion`} type="text" autoComplete="off" spellCheck={false} value={form.apiVersion} onChange={(e) => set('apiVersion', e.currentTarget.value)} {...field('apiVersion')} />
            <p id={`${id}-apiVersion-hint`} className="hint">
              {DEFAULT_AZURE_API_VERSION}
            </p>
            {fieldError('apiVersion')}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-timeoutMs`}>{pick(M.timeout)}</label>
          <input id={`${id}-timeoutMs`} type="number" min={5} max={600} step={1} value={form.timeoutSeconds} onChange={(e) => set('timeoutSeconds', e.currentTarget.value)} {...field('timeoutMs')} />
          <p id={`${id}-timeoutMs-hint`} className="hint">
            {pick(M.timeoutHint)}
          </p>
          {fieldError('timeoutMs')}
        </div>
      </fieldset>
      <fieldset>
        <legend>{pick(M.privacy)}</legend>
        <div className="field">
          <label>
            <input type="checkbox" checked={form.pseudonymise} aria-describedby={`${id}-pseudonymise-hint`} onChange={(e) => set('pseudonymise', e.currentTarget.checked)} /> {pick(M.pseudonymise)}
          </label>
          <p id={`${id}-pseudonymise-hint`} className="hint">
            {pick(M.pseudonymiseHint)}
          </p>
        </div>
      </fieldset>
      <div className="options-actions">
        <button type="submit" disabled={busy || !loaded}>
          {pick(M.save)}
        </button>{' '}
        <button type="button" disabled={busy || !loaded} onClick={test}>
          {pick(M.test)}
        </button>{' '}
        <button type="button" disabled={busy || !loaded} onClick={() => setConfirmClear(true)}>
          {pick(M.clear)}
        </button>
      </div>
      {confirmClear && (
        <div className="options-confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{pick(M.clearConfirm)}</p>
          <button type="button" onClick={clear} autoFocus>
            {pick(M.clear)}
          </button>{' '}
          <button type="button" onClick={() => setConfirmClear(false)}>
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
