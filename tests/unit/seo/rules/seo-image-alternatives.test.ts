import { describe, expect, it } from 'vitest';
import rule from '@/lib/seo/rules/seo-image-alternatives';
import { buildFacts, image } from './build-facts';

const run = (...images: ReturnType<typeof image>[]) => rule.check(buildFacts({ snapshot: { images } }));

describe('seo-image-alternatives', () => {
  it('is inapplicable without images', () => {
    expect(run().outcome).toBe('inapplicable');
  });

  it('fails on images with neither alt nor accessible name, listing them', () => {
    const result = run(image(), image({ alt: null, src: 'https://atelier-brume.fr/img/bougie-figue.jpg' }), image({ alt: null, visible: false }));
    expect(result).toMatchObject({ outcome: 'fail', data: { images: 3, missing: 2 } });
    expect(result.detail.fr).toContain('bougie-figue.jpg');
    expect(result.detail.fr).toContain('dont 1 masquée');
    expect(result.elements).toHaveLength(2);
  });

  it('accepts an accessible name or role="presentation" instead of alt', () => {
    expect(run(image({ alt: null, ariaName: 'Logo Atelier Brume' }), image({ alt: null, role: 'presentation', width: 10, height: 10 })).outcome).toBe('pass');
  });

  it('asks the juror about large images marked decorative', () => {
    const result = run(image({ alt: '', width: 800, height: 400 }));
    expect(result).toMatchObject({ outcome: 'review', data: { largeDecorative: 1 } });
    expect(result.detail.fr).toContain('décoratives, ou porteuses d’information');
    expect(run(image({ alt: '', width: 199, height: 200 })).outcome).toBe('pass');
  });

  it('asks the juror about alternatives that are a file name', () => {
    expect(run(image({ alt: 'IMG_1234.JPG' })).outcome).toBe('review');
  });

  it('passes when every image has an alternative', () => {
    const result = run(image(), image({ alt: '', width: 20, height: 20 }));
    expect(result).toMatchObject({ outcome: 'pass', data: { images: 2, decorative: 1 } });
  });
});
