// Images carry a text alternative: an alt attribute (alt="" marks a decorative image), or an
// accessible name (aria-label, aria-labelledby, title). An image with neither is a fault for
// search engines (Google Images reads alt) and for RGAA 1.1. Whether an image is decorative
// (alt="") or carries information (RGAA 1.2) Grille cannot tell: large images marked decorative
// are handed to the juror. role="presentation"/"none" counts as decorative, as RGAA allows.
// Limit: the facts do not carry aria-hidden, so an aria-hidden image without alt is listed.
import type { ImageFact } from '../../page/facts';
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

/** Rendered area from which an image marked decorative is worth a look (200 × 200 px). */
export const LARGE_AREA = 200 * 200;
const MAX_LISTED = 10;

const isDecorative = (img: ImageFact) => img.alt === '' || img.role === 'presentation' || img.role === 'none';
const hasName = (img: ImageFact) => (img.ariaName ?? '').trim() !== '';
export const lacksAlternative = (img: ImageFact) => img.alt === null && !hasName(img) && !isDecorative(img);
/** alt that is a file name (« IMG_1234.jpg »): usually left by the CMS, not written. */
const FILE_NAME = /^[\w\s-]+\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?)$/i;

function fileName(src: string): string {
  try {
    const path = new URL(src).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || src;
  } catch {
    return src;
  }
}

// Elements with role="img" (svg…) have no src: their selector names them.
const ref = (img: ImageFact) => ({ selector: img.selector, snippet: (img.src ? `<img src="${img.src}"${img.alt === null ? '' : ` alt="${img.alt}"`}>` : img.selector).slice(0, 300) });
const names = (imgs: ImageFact[]) => imgs.slice(0, MAX_LISTED).map((i) => (i.src ? fileName(i.src) : i.selector)).join(', ') + (imgs.length > MAX_LISTED ? ', …' : '');

export default defineRule({
  id: 'seo-image-alternatives',
  family: 'seo',
  topics: ['seo', 'accessibility'],
  rgaa: ['1.1', '1.2'],
  title: l('Alternatives textuelles des images', 'Text alternatives of images'),
  source: { label: 'RGAA 4.1.2 — critères 1.1 et 1.2 ; Google Search Central — bonnes pratiques pour Google Images', url: 'https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/#1.1' },
  check({ snapshot }) {
    const { images } = snapshot;
    if (images.length === 0) return { outcome: 'inapplicable', detail: l('La page ne contient aucune image (img, input type=image, role=img).', 'The page contains no image (img, input type=image, role=img).'), data: { images: 0 } };
    const missing = images.filter(lacksAlternative);
    const largeDecorative = images.filter((i) => isDecorative(i) && i.width * i.height >= LARGE_AREA);
    const fileNames = images.filter((i) => i.alt !== null && FILE_NAME.test(i.alt.trim()));
    const data = { images: images.length, missing: missing.length, decorative: images.filter(isDecorative).length, largeDecorative: largeDecorative.length, fileNameAlt: fileNames.length };
    if (missing.length > 0) {
      const hidden = missing.filter((i) => !i.visible).length;
      const hiddenFr = hidden > 0 ? ` (dont ${hidden} masquée(s) au moment de l’analyse)` : '';
      const hiddenEn = hidden > 0 ? ` (${hidden} of them hidden at the time of analysis)` : '';
      return {
        outcome: 'fail',
        detail: l(
          `${missing.length} image(s) sur ${images.length} sans alternative textuelle (ni attribut alt, ni nom accessible)${hiddenFr} : ${names(missing)}.`,
          `${missing.length} of ${images.length} image(s) without a text alternative (no alt attribute, no accessible name)${hiddenEn}: ${names(missing)}.`,
        ),
        elements: missing.map(ref),
        data,
      };
    }
    if (largeDecorative.length > 0 || fileNames.length > 0) {
      const parts = [
        largeDecorative.length > 0
          ? l(
              `${largeDecorative.length} grande(s) image(s) (200 × 200 px ou plus) marquée(s) décorative(s) (alt vide) : ${names(largeDecorative)} — décoratives, ou porteuses d’information ?`,
              `${largeDecorative.length} large image(s) (200 × 200 px or more) marked decorative (empty alt): ${names(largeDecorative)} — decorative, or carrying information?`,
            )
          : null,
        fileNames.length > 0
          ? l(
              `${fileNames.length} alternative(s) qui sont un nom de fichier : ${fileNames.slice(0, MAX_LISTED).map((i) => `« ${i.alt} »`).join(', ')}.`,
              `${fileNames.length} alternative(s) that are a file name: ${fileNames.slice(0, MAX_LISTED).map((i) => `“${i.alt}”`).join(', ')}.`,
            )
          : null,
      ].filter((p) => p !== null);
      return {
        outcome: 'review',
        detail: l(`Toutes les images (${images.length}) ont une alternative. ${parts.map((p) => p.fr).join(' ')}`, `All images (${images.length}) have an alternative. ${parts.map((p) => p.en).join(' ')}`),
        elements: [...largeDecorative, ...fileNames].map(ref),
        data,
      };
    }
    return {
      outcome: 'pass',
      detail: l(
        `Les ${images.length} image(s) ont une alternative textuelle (dont ${data.decorative} marquée(s) décorative(s)) ; leur pertinence reste à lire.`,
        `All ${images.length} image(s) have a text alternative (${data.decorative} marked decorative); whether each is relevant remains to be read.`,
      ),
      data,
    };
  },
});
