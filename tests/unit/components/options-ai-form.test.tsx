// The options page: the AI endpoint stored in extension local storage (fake-browser), the key
// masked once saved and never echoed nor logged, host access asked in the click, the connection
// test's outcome in words, validation that names the field, « Effacer ».
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from '@/components/options-page';
import { AI_CONFIG_STORAGE_KEY, clearAiConfig, loadAiConfig, saveAiConfig } from '@/lib/ai/config';
import { AiError } from '@/lib/ai/errors';
import type { AiOptionsServices } from '@/lib/ai/ui-services';

const KEY = 'sk-proj-SECRET-abcdefgh5678wxyz1234';

let asked: unknown[];
let answer: boolean;
let logged: unknown[][];
beforeEach(() => {
  asked = [];
  answer = true;
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((async (p: unknown) => {
    asked.push(p);
    return answer;
  }) as never);
  logged = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args));
});
afterEach(() => {
  // The key is never written to the console, whatever happened.
  expect(JSON.stringify(logged)).not.toContain('SECRET');
  vi.restoreAllMocks();
});

function services(test: AiOptionsServices['testConnection'] = vi.fn(async () => ({ model: 'gpt-4.1-mini' }))): AiOptionsServices {
  return { loadConfig: loadAiConfig, saveConfig: saveAiConfig, clearConfig: clearAiConfig, testConnection: test };
}

const stored = async () => (await fakeBrowser.storage.local.get(AI_CONFIG_STORAGE_KEY))[AI_CONFIG_STORAGE_KEY] as Record<string, unknown> | undefined;
const keyField = () => screen.getByLabelText(/^Clé d'API/) as HTMLInputElement;
const ready = () => waitFor(() => expect((screen.getByRole('button', { name: 'Enregistrer' }) as HTMLButtonElement).disabled).toBe(false));

describe('Options page: the AI endpoint', () => {
  it('explains where the key lives and what is sent, with safe defaults', async () => {
    render(<OptionsPage services={services()} />);
    await ready();
    const text = document.body.textContent!;
    expect(text).toContain("stockage local de l'extension");
    expect(text).toContain('jamais exportée');
    expect(text).toContain("Rien n'est envoyé sans votre clic");
    expect(text).toContain('Le navigateur appelle directement le fournisseur');
    expect((screen.getByLabelText('Fournisseur') as HTMLSelectElement).value).toBe('openai');
    expect((screen.getByLabelText('Adresse de base (URL compatible OpenAI)') as HTMLInputElement).value).toBe('https://api.openai.com/v1');
    expect((screen.getByRole('checkbox', { name: "Pseudonymiser avant l'envoi" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("Délai d'attente (secondes)") as HTMLInputElement).value).toBe('120');
    expect(keyField().type).toBe('password');
    expect(screen.getAllByRole('group').map((g) => g.querySelector('legend')?.textContent)).toEqual(['Connexion', 'Confidentialité']);
  });

  it('fills the address from the chosen preset; a local server needs no key; Azure asks for its api-version', async () => {
    const user = userEvent.setup();
    render(<OptionsPage services={services()} />);
    await ready();
    await user.selectOptions(screen.getByLabelText('Fournisseur'), 'ollama');
    expect((screen.getByLabelText('Adresse de base (URL compatible OpenAI)') as HTMLInputElement).value).toBe('http://localhost:11434/v1');
    expect(screen.getByLabelText("Clé d'API (facultative pour ce fournisseur)")).toBeTruthy();
    expect(screen.queryByLabelText('Version d’API Azure (api-version)')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Fournisseur'), 'azure-openai');
    expect((screen.getByLabelText('Version d’API Azure (api-version)') as HTMLInputElement).value).toBe('2024-10-21');
  });

  it('saves in extension local storage, asking access to the provider only, then shows the key masked and nowhere else', async () => {
    const user = userEvent.setup();
    const view = render(<OptionsPage services={services()} />);
    await ready();
    await user.type(screen.getByLabelText('Modèle'), 'gpt-4.1-mini');
    await user.type(keyField(), KEY);
    await user.click(screen.getByRole('button', { name: 'Afficher la clé' }));
    expect(keyField().type).toBe('text');
    expect(screen.getByRole('button', { name: 'Masquer la clé' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Configuration enregistrée dans ce navigateur.');
    expect(asked).toEqual([{ origins: ['https://api.openai.com/*'] }]);
    expect(await stored()).toMatchObject({ provider: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4.1-mini', apiKey: KEY, pseudonymise: true, timeoutMs: 120_000 });
    expect(keyField().value).toBe('');
    expect(keyField().type).toBe('password');
    expect(document.body.innerHTML).not.toContain('SECRET');
    expect(document.body.textContent).toContain('Clé enregistrée : ••••1234.');
    // Reopened: the same, the key still only masked.
    view.unmount();
    render(<OptionsPage services={services()} />);
    await waitFor(() => expect((screen.getByLabelText('Modèle') as HTMLInputElement).value).toBe('gpt-4.1-mini'));
    expect(document.body.textContent).toContain('••••1234');
    expect(document.body.innerHTML).not.toContain('SECRET');
  });

  it('keeps the stored key when the field is left empty, for saving and testing', async () => {
    await saveAiConfig({ provider: 'mistral', baseUrl: 'https://api.mistral.ai/v1', model: 'mistral-small-latest', apiKey: KEY, pseudonymise: false, timeoutMs: 30_000 });
    const test = vi.fn(async () => ({ model: 'mistral-small-latest' }));
    const user = userEvent.setup();
    render(<OptionsPage services={services(test)} />);
    await waitFor(() => expect((screen.getByLabelText('Modèle') as HTMLInputElement).value).toBe('mistral-small-latest'));
    expect((screen.getByRole('checkbox', { name: "Pseudonymiser avant l'envoi" }) as HTMLInputElement).checked).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Tester la connexion' }));
    await screen.findByText('Connexion réussie : le modèle « mistral-small-latest » répond.');
    expect(test).toHaveBeenCalledWith(expect.objectContaining({ apiKey: KEY, baseUrl: 'https://api.mistral.ai/v1' }), expect.objectContaining({ signal: expect.any(AbortSignal) }));
    expect(asked).toEqual([{ origins: ['https://api.mistral.ai/*'] }]);
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Configuration enregistrée dans ce navigateur.');
    expect((await stored())!.apiKey).toBe(KEY);
  });

  it('says why the connection test failed, in words', async () => {
    const user = userEvent.setup();
    render(<OptionsPage services={services(vi.fn(async () => Promise.reject(new AiError('unknown-model', { status: 404 }))))} />);
    await ready();
    await user.type(screen.getByLabelText('Modèle'), 'gpt-9');
    await user.type(keyField(), KEY);
    await user.click(screen.getByRole('button', { name: 'Tester la connexion' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Modèle inconnu du fournisseur'));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('does not test when the juror refuses access to the provider, and says why', async () => {
    answer = false;
    const test = vi.fn(async () => ({ model: 'x' }));
    const user = userEvent.setup();
    render(<OptionsPage services={services(test)} />);
    await ready();
    await user.type(screen.getByLabelText('Modèle'), 'gpt-4.1-mini');
    await user.type(keyField(), KEY);
    await user.click(screen.getByRole('button', { name: 'Tester la connexion' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Accès à https://api.openai.com/* refusé'));
    expect(test).not.toHaveBeenCalled();
  });

  it('names the fields to fix and saves nothing, asking no access', async () => {
    const user = userEvent.setup();
    render(<OptionsPage services={services()} />);
    await ready();
    await user.clear(screen.getByLabelText('Adresse de base (URL compatible OpenAI)'));
    await user.type(screen.getByLabelText('Adresse de base (URL compatible OpenAI)'), 'api.openai.com');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toMatch(/^Corrigez les champs signalés :/));
    expect(alert.textContent).toContain("L'adresse doit être une URL http:// ou https:// complète");
    expect(alert.textContent).toContain('Indiquez le nom du modèle');
    expect(alert.textContent).toContain("Ce fournisseur demande une clé d'API.");
    expect(screen.getByLabelText('Modèle').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Modèle').getAttribute('aria-describedby')).toMatch(/-model-error/);
    expect(await stored()).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('« Effacer » removes the setup and the key from this browser after confirmation', async () => {
    await saveAiConfig({ provider: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4.1-mini', apiKey: KEY, pseudonymise: true, timeoutMs: 60_000 });
    const user = userEvent.setup();
    render(<OptionsPage services={services()} />);
    await waitFor(() => expect(document.body.textContent).toContain('••••1234'));
    await user.click(screen.getByRole('button', { name: 'Effacer' }));
    const confirm = screen.getByRole('group', { name: 'Effacer la configuration et la clé enregistrées dans ce navigateur ?' });
    await user.click(confirm.querySelector('button')!);
    await screen.findByText('Configuration et clé effacées de ce navigateur.');
    expect(await stored()).toBeUndefined();
    expect(document.body.textContent).not.toContain('••••');
    expect((screen.getByLabelText('Modèle') as HTMLInputElement).value).toBe('');
  });
});
