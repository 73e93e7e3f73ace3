import { describe, expect, it } from 'vitest';
import fr from '../../../public/_locales/fr/messages.json';
import en from '../../../public/_locales/en/messages.json';
import { CAPTURE_ERROR_CODES, CaptureError } from '@/lib/page/tab-errors';

const catalogues = { fr: fr as Record<string, { message: string }>, en: en as Record<string, { message: string }> };

describe('capture messages', () => {
  it('has a French and an English text for every capture error and evidence kind', () => {
    const keys = [...CAPTURE_ERROR_CODES.map((c) => `captureError_${c}`), ...['quote', 'screenshot', 'link'].map((k) => `evidenceKind_${k}`), 'evidenceMenuTitle'];
    for (const [lang, catalogue] of Object.entries(catalogues))
      for (const key of keys) expect(catalogue[key]?.message, `${lang} ${key}`).toBeTruthy();
  });

  it('gives every error its French message', () => {
    for (const code of CAPTURE_ERROR_CODES) expect(new CaptureError(code).message).toBe(catalogues.fr[`captureError_${code}`]!.message);
  });
});
