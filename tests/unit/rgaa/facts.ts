// Hand-built page facts for the RGAA unit tests.
import type { AxeRuleResult, PageFacts } from '@/lib/page/facts';
import { pageFacts as buildPageFacts } from '../../fixtures/page-facts';

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
  return buildPageFacts({
    snapshot: { url: 'https://boutique.example/produit/', title: 'Produit — Boutique' },
    axe: rules && { version: '4.14.1', rules, durationMs: 120 },
    navigation: { transferSize: 0, loadTime: 0 },
    timings: { snapshotMs: 0, privacyMs: 0, axeMs: 120 },
    analyzedAt: 1_700_000_000_000,
  });
}
