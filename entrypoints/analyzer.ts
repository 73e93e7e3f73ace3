// Injected on demand (scripting.executeScript, files: ['/analyzer.js']) into the tab the juror
// asks Grille to analyse: installs the analyzer in the extension's isolated world of that page.
// The panel then calls it with executeScript({ func }) — see lib/page/analyze-tab.ts.
import { analyzePage } from '@/lib/analysis/page/analyze';
import { clearHighlight, highlight } from '@/lib/page/highlight';

export default defineUnlistedScript(() => {
  const g = globalThis as unknown as { __grilleAnalyzer?: unknown };
  // Injected again before each call (the page may have been reloaded); keep the first instance
  // and its state (axe's run guard) when it is still there.
  g.__grilleAnalyzer ??= { analyze: analyzePage, highlight, clearHighlight };
  return true;
});
