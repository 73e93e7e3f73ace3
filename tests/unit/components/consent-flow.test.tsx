import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConsentFlow } from '@/components/consent-flow';
import type { ConsentFlowDeps } from '@/lib/privacy/consent-flow';
import { CSS, GA, PAGEVIEW, sceneFacts, SITE, type Scene } from '../privacy/flow-facts';

function fakeDeps(...scenes: Scene[]): ConsentFlowDeps {
  return {
    clearSiteData: vi.fn(async () => undefined),
    reload: vi.fn(async () => undefined),
    observe: vi.fn(async () => sceneFacts(scenes.shift() ?? {})),
  };
}

const target = { tabId: 3, url: SITE };

describe('ConsentFlow', () => {
  it('renders the three steps as an ordered list; steps 2 and 3 wait for step 1', () => {
    const { container } = render(<ConsentFlow deps={fakeDeps()} target={target} />);
    const steps = within(container.querySelector('ol.consent-steps') as HTMLElement).getAllByRole('heading', { level: 4 });
    expect(steps.map((h) => h.textContent)).toEqual(['Recharger sans cookies', 'Refuser, puis observer', 'Facultatif : accepter, puis observer']);
    expect(screen.getByRole('button', { name: 'Recharger sans cookies' }).hasAttribute('disabled')).toBe(false);
    expect(screen.getByRole('button', { name: 'Observer après refus' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Observer après acceptation' }).hasAttribute('disabled')).toBe(true);
  });

  it('runs step 1 then step 2 and shows the facts and what changed, announced in a live region', async () => {
    const deps = fakeDeps({ cookies: ['_brume_uid'], resources: [CSS, PAGEVIEW] }, { cookies: ['_brume_uid'], resources: [CSS, PAGEVIEW, GA], bannerVisible: false });
    const user = userEvent.setup();
    render(<ConsentFlow deps={deps} target={target} />);
    await user.click(screen.getByRole('button', { name: 'Recharger sans cookies' }));
    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toContain('Étape terminée : 1 cookie(s), 1 appel(s) de traceurs'));
    expect(deps.clearSiteData).toHaveBeenCalledWith('http://localhost:8080');
    expect(screen.getByText('Avant tout choix, cookie(s) déposé(s) : _brume_uid.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Observer après refus' }));
    await waitFor(() => expect(screen.getByText('Traceur appelé après refus : Google Analytics (www.google-analytics.com).')).toBeTruthy());
    expect(screen.getByText('Cookie(s) déposé(s) avant le choix et toujours présent(s) après refus : _brume_uid.')).toBeTruthy();
    expect(deps.reload).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('says in the alert region when a step fails, and lets the juror retry', async () => {
    const deps = fakeDeps({});
    deps.reload = vi.fn(async () => Promise.reject(new Error('Onglet fermé')));
    const user = userEvent.setup();
    render(<ConsentFlow deps={deps} target={target} />);
    await user.click(screen.getByRole('button', { name: 'Recharger sans cookies' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Onglet fermé'));
    expect(screen.getByRole('button', { name: 'Recharger sans cookies' }).hasAttribute('disabled')).toBe(false);
  });

  it('renders page-supplied names as text, never as markup', async () => {
    const deps = fakeDeps({ cookies: ['<img src=x onerror=alert(1)>'] });
    const user = userEvent.setup();
    const { container } = render(<ConsentFlow deps={deps} target={target} />);
    await user.click(screen.getByRole('button', { name: 'Recharger sans cookies' }));
    await waitFor(() => expect(screen.getAllByText(/<img src=x/).length).toBeGreaterThan(0));
    expect(container.querySelector('img')).toBeNull();
  });

  it('disables every step without a readable tab', () => {
    render(<ConsentFlow deps={fakeDeps()} target={null} />);
    for (const b of screen.getAllByRole('button')) expect(b.hasAttribute('disabled')).toBe(true);
  });

  it('offers « Refuser avec autoconsent » only when wired; a refusal is noted in step 2 before the observation', async () => {
    const { unmount } = render(<ConsentFlow deps={fakeDeps()} target={target} />);
    expect(screen.queryByRole('button', { name: 'Refuser avec autoconsent, puis observer' })).toBeNull();
    unmount();

    const deps = fakeDeps({ cookies: ['_brume_uid'], resources: [CSS] }, { cookies: ['_brume_uid'], resources: [CSS], bannerVisible: false });
    const autoRefuse = vi.fn(async () => ({ cmp: 'didomi', popup: true, refused: true, clicks: 1, durationMs: 300, timedOut: false, heuristic: false }));
    const user = userEvent.setup();
    render(<ConsentFlow deps={deps} target={target} autoRefuse={autoRefuse} />);
    const auto = screen.getByRole('button', { name: 'Refuser avec autoconsent, puis observer' });
    expect(auto.hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Recharger sans cookies' }));
    await waitFor(() => expect(auto.hasAttribute('disabled')).toBe(false));
    await user.click(auto);
    await waitFor(() => expect(screen.getByText('Refus fait par autoconsent (CMP reconnu : didomi, 1 clic).')).toBeTruthy());
    expect(autoRefuse).toHaveBeenCalledWith(3);
    expect(deps.observe).toHaveBeenCalledTimes(2);
  });

  it('when autoconsent cannot refuse, says so and observes nothing', async () => {
    const deps = fakeDeps({});
    const autoRefuse = vi.fn(async () => ({ cmp: null, popup: false, refused: false, clicks: 0, durationMs: 6000, timedOut: false, heuristic: false }));
    const user = userEvent.setup();
    render(<ConsentFlow deps={deps} target={target} autoRefuse={autoRefuse} />);
    await user.click(screen.getByRole('button', { name: 'Recharger sans cookies' }));
    const auto = screen.getByRole('button', { name: 'Refuser avec autoconsent, puis observer' });
    await waitFor(() => expect(auto.hasAttribute('disabled')).toBe(false));
    await user.click(auto);
    const said = 'autoconsent n’a reconnu aucun bandeau ni bouton de refus. Refusez vous-même dans la page, puis « Observer après refus ».';
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(said));
    expect(screen.getByText(said, { selector: 'p.consent-auto-note' })).toBeTruthy();
    expect(deps.observe).toHaveBeenCalledTimes(1);
    expect(auto.hasAttribute('disabled')).toBe(false);
  });
});
