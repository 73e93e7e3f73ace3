// <html lang>: the page's language, used by screen readers to pick their voice (RGAA 8.3) and by
// search engines. Absent → fault. A value that is not a language code (BCP 47 shape) → review.
// hreflang alternates (other language versions) are listed in the data.
import { defineRule } from '../../checks/types';
import { l } from '../../i18n/localized';

/** Shape of a BCP 47 tag: a 2–3 letter language, then subtags (fr, fr-FR, zh-Hant-TW). */
const LANG_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

export default defineRule({
  id: 'seo-lang',
  family: 'seo',
  topics: ['seo', 'accessibility'],
  rgaa: ['8.3'],
  title: l('Langue de la page (attribut lang)', 'Page language (lang attribute)'),
  source: { label: 'RGAA 4.1.2 — critère 8.3 (langue par défaut)', url: 'https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/#8.3' },
  check({ snapshot }) {
    const lang = snapshot.lang.trim();
    const { hreflang } = snapshot.meta;
    const alternates = hreflang.map((h) => `${h.lang} → ${h.href}`).join(' ; ');
    const data = { lang, hreflang: hreflang.length, alternates: alternates.slice(0, 1_000) };
    const altFr = hreflang.length > 0 ? ` Versions dans d’autres langues (hreflang) : ${hreflang.map((h) => h.lang).join(', ')}.` : '';
    const altEn = hreflang.length > 0 ? ` Versions in other languages (hreflang): ${hreflang.map((h) => h.lang).join(', ')}.` : '';
    if (lang === '') return { outcome: 'fail', detail: l('La langue de la page n’est pas indiquée (attribut lang absent ou vide sur <html>).', 'The page’s language is not stated (lang attribute missing or empty on <html>).'), data };
    if (!LANG_TAG.test(lang))
      return { outcome: 'review', detail: l(`Langue indiquée : lang="${lang}", qui n’a pas la forme d’un code de langue (fr, fr-FR…).${altFr}`, `Stated language: lang="${lang}", which is not shaped like a language code (fr, fr-FR…).${altEn}`), data };
    return { outcome: 'pass', detail: l(`Langue indiquée : lang="${lang}".${altFr}`, `Stated language: lang="${lang}".${altEn}`), data };
  },
});
