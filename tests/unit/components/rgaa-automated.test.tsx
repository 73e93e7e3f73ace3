// The automated RGAA pass as the juror reads it: three groups, criteria with their elements as
// text, and a highlight button per criterion.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RgaaAutomated } from '@/components/rgaa-automated';
import { axeFindings } from '@/lib/rgaa/axe-findings';
import { axeRule, pageFacts } from '../rgaa/facts';

const findings = axeFindings(
  pageFacts([
    axeRule('image-alt', 'violation', ['1.1.1'], [
      { selector: 'li.post-102 img', snippet: '<img src="the.svg" onerror="alert(1)">' },
      { selector: 'li.post-103 img', snippet: '<img src="fleur.svg">' },
    ]),
    axeRule('color-contrast', 'incomplete', ['3.2.1'], [{ selector: 'p.note' }]),
    axeRule('html-has-lang', 'pass', ['8.3.1']),
    axeRule('td-has-header', 'inapplicable', ['5.7.4']),
  ]),
);

describe('RgaaAutomated', () => {
  it('groups criteria as non conforme, à vérifier, conforme sur ce qui a été testé', () => {
    render(<RgaaAutomated findings={findings} onHighlight={() => undefined} />);
    const groups = document.querySelectorAll('details.rgaa-group');
    expect([...groups].map((g) => g.querySelector('summary')!.textContent)).toEqual(['Non conforme (1)', 'À vérifier par le juré (1)', 'Conforme sur ce qui a été testé (1)']);
    expect(within(groups[0] as HTMLElement).getByRole('heading', { name: /^Critère 1\.1 — Chaque image porteuse/ })).toBeTruthy();
    expect(within(groups[1] as HTMLElement).getByRole('heading', { name: /^Critère 3\.2/ })).toBeTruthy();
    expect(within(groups[2] as HTMLElement).getByText(/seuls les tests automatisés 8\.3\.1 ont été exécutés/)).toBeTruthy();
    // Inapplicable criteria are not listed.
    expect(screen.queryByText(/Critère 5\.7/)).toBeNull();
  });

  it('shows page markup as text, never as HTML', () => {
    render(<RgaaAutomated findings={findings} onHighlight={() => undefined} />);
    expect(screen.getByText('<img src="the.svg" onerror="alert(1)">')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('highlights a criterion’s elements from the keyboard', async () => {
    const onHighlight = vi.fn();
    const user = userEvent.setup();
    render(<RgaaAutomated findings={findings} onHighlight={onHighlight} />);
    const buttons = screen.getAllByRole('button', { name: 'Surligner dans la page' });
    expect(buttons).toHaveLength(2); // fail and review have elements; pass has none
    buttons[0]!.focus();
    await user.keyboard('{Enter}');
    expect(onHighlight).toHaveBeenCalledWith(['li.post-102 img', 'li.post-103 img'], expect.stringMatching(/^Critère 1\.1/));
  });

  it('says when the automated test has not run', () => {
    render(<RgaaAutomated findings={[]} onHighlight={() => undefined} />);
    expect(screen.getByText('Le test automatique n’a pas été lancé sur cette page.')).toBeTruthy();
  });
});
