// The panel opens on the committed summaries and loads each bundled certification when shown:
// both must say exactly what the data says.
import { describe, expect, it, vi } from 'vitest';
import { bundledLoaders, bundledReferentiels, bundledSummaries } from '@/lib/referentiels/bundled';
import { bundledCertifications } from '@/lib/referentiels/catalog';
import { eagerSource, lazySource } from '@/lib/referentiels/source';
import { summarize } from '@/lib/referentiels/summary';
import { fixtureCertification } from '../../fixtures/certification';

describe('bundled référentiels, loaded one by one', () => {
  it('has summaries that match the data (run npm run referentiels:lock after a correction)', () => {
    expect(bundledSummaries).toEqual(bundledCertifications.map(summarize));
  });

  it('loads each certification from its own file, the same as the data', async () => {
    expect([...bundledLoaders.keys()].sort()).toEqual(bundledCertifications.map((c) => c.id).sort());
    for (const cert of bundledCertifications) expect(await bundledReferentiels.load(cert.id)).toEqual(cert);
    expect(await bundledReferentiels.loadAll()).toEqual(bundledCertifications);
    expect(bundledReferentiels.peekAll()).toBe(bundledReferentiels.peekAll());
    expect(await bundledReferentiels.load('unknown')).toBeUndefined();
  });
});

describe('lazySource', () => {
  const other = { ...fixtureCertification, id: 'other', title: 'Autre' };
  const summaries = [other, fixtureCertification].map(summarize);

  it('loads once, says when, and holds every certification in title order once all are loaded', async () => {
    const load = vi.fn(async () => fixtureCertification);
    const source = lazySource(summaries, new Map([[fixtureCertification.id, load], ['other', async () => other]]));
    const told = vi.fn();
    source.subscribe(told);
    expect(source.has(fixtureCertification.id)).toBe(true);
    expect(source.peek(fixtureCertification.id)).toBeUndefined();
    await Promise.all([source.load(fixtureCertification.id), source.load(fixtureCertification.id)]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(told).toHaveBeenCalledTimes(1);
    expect(source.peek(fixtureCertification.id)).toBe(fixtureCertification);
    expect(source.peekAll()).toBeUndefined();
    expect(await source.loadAll()).toEqual([other, fixtureCertification]);
    expect(source.peekAll()).toEqual([other, fixtureCertification]);
  });

  it('tries again after a failed load', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('chunk')).mockResolvedValue(fixtureCertification);
    const source = lazySource(summaries, new Map([[fixtureCertification.id, load]]));
    await expect(source.load(fixtureCertification.id)).rejects.toThrow('chunk');
    expect(await source.load(fixtureCertification.id)).toBe(fixtureCertification);
  });
});

describe('eagerSource', () => {
  it('answers at once, by title', () => {
    const other = { ...fixtureCertification, id: 'other', title: 'Autre' };
    const source = eagerSource([fixtureCertification, other]);
    expect(source.summaries.map((s) => s.id)).toEqual(['other', fixtureCertification.id]);
    expect(source.peek('other')).toBe(other);
    expect(source.peekAll()).toEqual([other, fixtureCertification]);
  });
});
