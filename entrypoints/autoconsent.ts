// Injected on demand (scripting.executeScript, files: ['/autoconsent.js'], world MAIN) into the
// tab whose consent banner the juror asks Grille to refuse — see lib/privacy/autoconsent-tab.ts.
// Bundles @duckduckgo/autoconsent 16.23.0 and its compact rules, unmodified, under MPL-2.0
// (source: https://github.com/duckduckgo/autoconsent, npm @duckduckgo/autoconsent@16.23.0;
// notice in THIRD-PARTY-NOTICES.txt).
import { refuseWithAutoconsent } from '@/lib/privacy/page/autoconsent-refuse';

export default defineUnlistedScript(() => {
  const g = globalThis as unknown as { __grilleAutoconsent?: unknown };
  g.__grilleAutoconsent = { refuse: () => refuseWithAutoconsent() };
  return true;
});
