import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSocialNetwork, findCounts, nameFromTitle } from '@/lib/page/snapshot/social';
import { snapshot } from './helpers';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures/pages/snapshot', name), 'utf8');

describe('social networks', () => {
  it('are told by hostname', () => {
    expect(detectSocialNetwork('https://www.instagram.com/atelier.brume/')).toBe('instagram');
    expect(detectSocialNetwork('https://fr.linkedin.com/in/camille-roche')).toBe('linkedin');
    expect(detectSocialNetwork('https://m.facebook.com/atelierbrume')).toBe('facebook');
    expect(detectSocialNetwork('https://www.tiktok.com/@atelier.brume')).toBe('tiktok');
    expect(detectSocialNetwork('https://x.com/atelierbrume')).toBe('x');
    expect(detectSocialNetwork('https://twitter.com/atelierbrume')).toBe('x');
    expect(detectSocialNetwork('https://www.youtube.com/@atelierbrume')).toBe('youtube');
    expect(detectSocialNetwork('https://www.pinterest.fr/atelierbrume/')).toBe('pinterest');
    expect(detectSocialNetwork('https://www.pinterest.co.uk/atelierbrume/')).toBe('pinterest');
    expect(detectSocialNetwork('https://www.atelier-brume.fr/instagram.com/')).toBeNull();
    expect(detectSocialNetwork('https://instagram.com.evil.example/')).toBeNull();
    expect(detectSocialNetwork('nonsense')).toBeNull();
  });

  it('the name in a page title', () => {
    expect(nameFromTitle('Atelier Brume (@atelier.brume) • Photos et vidéos Instagram')).toEqual({ name: 'Atelier Brume', handle: '@atelier.brume' });
    expect(nameFromTitle('Camille Roche - Atelier Brume | LinkedIn').name).toBe('Camille Roche');
    expect(nameFromTitle('Atelier Brume - YouTube').name).toBe('Atelier Brume');
    expect(nameFromTitle('Atelier Brume (@atelierbrume) / X').name).toBe('Atelier Brume');
  });

  it('counts as displayed, verbatim', () => {
    expect(findCounts('56 publications 1 234 abonnés 321 abonnements')).toEqual([
      { label: 'publications', value: '56' },
      { label: 'abonnés', value: '1 234' },
      { label: 'abonnements', value: '321' },
    ]);
    expect(findCounts('500+ relations · 12,3 k followers · 4\u202f567 J’aime')).toEqual([
      { label: 'relations', value: '500+' },
      { label: 'followers', value: '12,3 k' },
      { label: 'J’aime', value: '4\u202f567' },
    ]);
    expect(findCounts('Publié en 2024, rien à compter')).toEqual([]);
  });

  it('a profile page read in jsdom (no layout) at a fake Instagram address', () => {
    const s = snapshot(fixture('instagram-profile.html'), 'http://localhost:5173/pages/snapshot/instagram-profile.html', { url: 'https://www.instagram.com/atelier.brume/' });
    expect(s.source).toBe('social-profile');
    expect(s.url).toBe('https://www.instagram.com/atelier.brume/');
    expect(s.social).toMatchObject({ network: 'instagram', name: 'Atelier Brume' });
    expect(s.social!.counts.map((c) => `${c.value} ${c.label}`)).toEqual(['56 publications', '1 234 abonnés', '321 abonnements']);
    expect(s.social!.posts).toHaveLength(3);
  });

  it('LinkedIn in jsdom: the text it draws in aria-hidden spans is the page\'s visible text, not hidden text', () => {
    const s = snapshot(fixture('linkedin-profile.html'), 'http://localhost:5173/pages/snapshot/linkedin-profile.html', { url: 'https://www.linkedin.com/in/camille-roche/' });
    expect(s.social).toMatchObject({ network: 'linkedin', name: 'Camille Roche' });
    expect(s.social!.bio).toBe("Je raconte l'histoire d'un atelier de bougies lyonnais : réseaux sociaux, newsletter, relations presse. Diplômée d'un titre RNCP de chargée de communication.");
    expect(s.social!.posts).toHaveLength(2);
    // The profile's own name (drawn aria-hidden in each post's header) is seen; of the section
    // titles and counts, only the screen-reader copies beside them are hidden.
    expect(s.hiddenTexts.some((h) => h.text.includes('Camille Roche'))).toBe(false);
    for (const title of ['Infos', 'Activité', '42 réactions']) expect(s.hiddenTexts.filter((h) => h.text === title).map((h) => h.reasons), title).toEqual([['clipped']]);
    expect(s.hiddenTexts.some((h) => h.text === '42')).toBe(false);
    expect(s.mainText).toContain('Camille Roche · 12 sept. 2024');
    expect(s.headings.find((h) => h.text.startsWith('Infos'))?.hidden).toBe(false);
    // The post LinkedIn keeps in the DOM but does not display is still hidden.
    expect(s.hiddenTexts.some((h) => h.reasons.includes('display-none'))).toBe(true);
  });

  it('the same page elsewhere is not a social profile', () => {
    const s = snapshot(fixture('instagram-profile.html'));
    expect(s.source).toBe('dom');
    expect(s.social).toBeNull();
  });
});
