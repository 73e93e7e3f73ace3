import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureVisibleTab, pngDataUrlToBlob } from '@/lib/capture/visible-tab';

afterEach(() => vi.restoreAllMocks());

const PNG_BYTES = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
const PNG_DATA_URL = `data:image/png;base64,${btoa(String.fromCharCode(...PNG_BYTES))}`;

describe('captureVisibleTab', () => {
  it("returns the window's visible tab as a PNG Blob", async () => {
    const capture = vi.spyOn(fakeBrowser.tabs, 'captureVisibleTab').mockResolvedValue(PNG_DATA_URL as never);
    const blob = await captureVisibleTab(4);
    expect(capture).toHaveBeenCalledWith(4, { format: 'png' });
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual(PNG_BYTES);
  });

  it('explains a refusal in French: the toolbar button on that tab grants the capture', async () => {
    vi.spyOn(fakeBrowser.tabs, 'captureVisibleTab').mockRejectedValue(new Error("Either the '<all_urls>' or 'activeTab' permission is required."));
    await expect(captureVisibleTab(4, 'https://atelier-brume.fr/')).rejects.toMatchObject({
      code: 'screenshotRefused',
      message: expect.stringMatching(/^Le navigateur refuse la capture de cet onglet.*bouton Grille de la barre d'outils sur cet onglet/),
    });
    vi.spyOn(fakeBrowser.tabs, 'captureVisibleTab').mockRejectedValue(new Error('Missing activeTab permission'));
    await expect(captureVisibleTab(4, 'https://atelier-brume.fr/')).rejects.toMatchObject({ code: 'screenshotRefused' });
  });

  it('refuses anything but a PNG data URL', async () => {
    expect(() => pngDataUrlToBlob('data:text/html;base64,PHNjcmlwdD4=')).toThrow(/La capture a échoué/);
    expect(() => pngDataUrlToBlob('data:image/png;base64,@@@')).toThrow(/La capture a échoué/);
    vi.spyOn(fakeBrowser.tabs, 'captureVisibleTab').mockResolvedValue('' as never);
    await expect(captureVisibleTab(4)).rejects.toMatchObject({ code: 'failed' });
  });
});
