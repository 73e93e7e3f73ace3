// The panel's side of the analysis: what it does when the page never answers, refuses, or answers
// something that is not page facts — a French message each time, never a wait without end.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AnalysisError, analyzeTab } from '@/lib/page/analyze-tab';

const URL_ = 'https://atelier-brume.fr/';
const OPTIONS = { axe: true };

afterEach(() => vi.restoreAllMocks());

/** The probe answers that the analyzer is there; `analyze` behaves as given. */
function page(analyze: () => Promise<unknown>) {
  let calls = 0;
  return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((() => {
    calls += 1;
    return calls === 1 ? Promise.resolve([{ frameId: 0, documentId: 'd', result: true }]) : analyze();
  }) as never);
}

describe('analyzeTab', () => {
  it('stops waiting for a page that never answers, with a message saying so', async () => {
    page(() => new Promise(() => undefined));
    const error = await analyzeTab(7, URL_, OPTIONS, 50).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnalysisError);
    expect(error).toMatchObject({ code: 'timeout', message: expect.stringMatching(/^La page n'a pas répondu à temps/) });
  });

  it('reports a page that is not page facts as unreadable, and a closed tab as gone', async () => {
    page(() => Promise.resolve([{ frameId: 0, documentId: 'd', result: { title: 42 } }]));
    await expect(analyzeTab(7, URL_, OPTIONS, 1_000)).rejects.toMatchObject({ code: 'unreadable' });
    vi.restoreAllMocks();
    page(() => Promise.reject(new Error('No tab with id: 7.')));
    await expect(analyzeTab(7, URL_, OPTIONS, 1_000)).rejects.toMatchObject({ code: 'tabGone' });
  });

  it('never tries a browser page', async () => {
    const spy = page(() => Promise.resolve([]));
    await expect(analyzeTab(7, 'chrome://settings/', OPTIONS)).rejects.toMatchObject({ code: 'protected' });
    expect(spy).not.toHaveBeenCalled();
  });
});
