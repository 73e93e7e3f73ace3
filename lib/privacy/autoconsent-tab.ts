// Panel side of « Refuser avec autoconsent »: injects /autoconsent.js into the juror's tab (main
// world, only at the click), runs the refusal, validates what comes back, then lets the page
// settle so that what it does after the refusal is observed.
import { browser } from 'wxt/browser';
import { readAutoRefuse, type AutoRefuse } from './autoconsent-result';

export const AUTOCONSENT_FILE = '/autoconsent.js';
/** Beacons sent right after the refusal still belong to the observation. */
const SETTLE_MS = 1_500;

type AutoconsentGlobal = { __grilleAutoconsent?: { refuse(): Promise<unknown> } };

export async function autoRefuseInTab(tabId: number): Promise<AutoRefuse> {
  await browser.scripting.executeScript({ target: { tabId }, files: [AUTOCONSENT_FILE], world: 'MAIN' });
  const [answer] = await browser.scripting.executeScript({
    target: { tabId },
    world: 'MAIN',
    func: () => (globalThis as unknown as AutoconsentGlobal).__grilleAutoconsent?.refuse() ?? null,
  });
  const result = readAutoRefuse(answer?.result);
  if (!result) throw new Error('autoconsent : réponse illisible');
  if (result.refused) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return result;
}
