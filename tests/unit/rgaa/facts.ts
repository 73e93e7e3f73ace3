// Hand-built page facts for the RGAA unit tests.
import { PageFacts, type AxeRuleResult } from '@/lib/page/facts';

export function axeRule(id: string, outcome: AxeRuleResult['outcome'], rgaaTests: string[], nodes: { selector: string; snippet?: string }[] = []): AxeRuleResult {
  const faulty = outcome === 'violation' || outcome === 'incomplete';
  return {
    id,
    outcome,
    impact: faulty ? 'serious' : null,
    help: `Aide ${id}`,
    helpUrl: `https://dequeuniversity.com/rules/axe/4.14/${id}`,
    rgaaTests,
    nodes: faulty ? nodes.map((n) => ({ selector: n.selector, snippet: n.snippet ?? `<x class="${n.selector}">`, message: 'Corriger' })) : [],
    nodeCount: faulty ? nodes.length : outcome === 'pass' ? 1 : 0,
  };
}

export function pageFacts(rules: AxeRuleResult[] | null): PageFacts {
  return PageFacts.parse({
    snapshot: {
      url: 'https://boutique.example/produit/',
      title: 'Produit — Boutique',
      lang: 'fr',
      source: 'dom',
      meta: { description: null, robots: null, canonical: null, viewport: null, charset: 'utf-8', openGraph: {}, hreflang: [] },
      headings: [],
      mainText: '',
      mainTextTruncated: false,
      hiddenTexts: [],
      jsonLd: { types: [], blocks: [], invalid: 0 },
      links: [],
      images: [],
      forms: [],
      social: null,
      counts: { elements: 10, ecoIndexElements: 10, links: 0, images: 0, forms: 0, iframes: 0, scripts: 0, words: 0, h1: 0 },
    },
    privacy: { cookies: [], cookieSource: 'document.cookie', resources: [], banner: { found: false, visible: false, selector: null, text: '', buttons: [], links: [] }, storageKeys: [] },
    axe: rules && { version: '4.14.1', rules, durationMs: 120 },
    navigation: { transferSize: 0, loadTime: 0 },
    timings: { snapshotMs: 0, privacyMs: 0, axeMs: 120 },
    analyzedAt: 1_700_000_000_000,
  });
}
