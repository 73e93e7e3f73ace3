import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureLink, captureQuote, captureScreenshot } from '@/lib/capture/captures';

afterEach(() => vi.restoreAllMocks());

const PNG = `data:image/png;base64,${btoa('\x89PNG\r\n\x1a\n')}`;
const now = () => 1_700_000_000_000;

function selection(text: string, url = 'https://atelier-brume.fr/cgv/') {
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, documentId: 'd', result: { text, truncated: false, url, title: 'CGV' } }] as never);
}

describe('captures from the panel', () => {
  it('quotes the selection, verbatim, with where and when', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://atelier-brume.fr/cgv/', active: true });
    selection('Livraison offerte\ndès 49 €\n');
    await expect(captureQuote(tab.id!, now)).resolves.toEqual({
      kind: 'quote',
      quote: 'Livraison offerte\ndès 49 €\n',
      truncated: false,
      url: 'https://atelier-brume.fr/cgv/',
      pageTitle: 'CGV',
      capturedAt: now(),
      windowId: tab.windowId,
    });
  });

  it('says when nothing is selected, and refuses a browser page', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://atelier-brume.fr/', active: true });
    selection('  \n ');
    await expect(captureQuote(tab.id!)).rejects.toMatchObject({ code: 'empty', message: expect.stringMatching(/^La sélection est vide/) });
    const settings = await fakeBrowser.tabs.create({ url: 'chrome://settings/', active: true });
    await expect(captureQuote(settings.id!)).rejects.toMatchObject({ code: 'protected' });
    await expect(captureLink(settings.id!)).rejects.toMatchObject({ code: 'protected' });
    await expect(captureScreenshot(settings.id!)).rejects.toMatchObject({ code: 'protected' });
  });

  it('captures the visible tab only when it is the one on screen', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://atelier-brume.fr/', active: true });
    const capture = vi.spyOn(fakeBrowser.tabs, 'captureVisibleTab').mockResolvedValue(PNG as never);
    const shot = await captureScreenshot(tab.id!, now);
    expect(shot).toMatchObject({ kind: 'screenshot', url: 'https://atelier-brume.fr/', capturedAt: now(), windowId: tab.windowId });
    expect(shot.image.type).toBe('image/png');
    expect(capture).toHaveBeenCalledWith(tab.windowId, { format: 'png' });
    await fakeBrowser.tabs.create({ url: 'https://example.org/', active: true });
    await expect(captureScreenshot(tab.id!)).rejects.toMatchObject({ code: 'notVisible' });
  });

  it("takes the page's link without reading the page", async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.instagram.com/atelier.brume/', active: true });
    const execute = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    await expect(captureLink(tab.id!, now)).resolves.toEqual({
      kind: 'link',
      url: 'https://www.instagram.com/atelier.brume/',
      pageTitle: '',
      capturedAt: now(),
      windowId: tab.windowId,
    });
    expect(execute).not.toHaveBeenCalled();
    await expect(captureLink(999)).rejects.toMatchObject({ code: 'tabGone' });
  });
});
