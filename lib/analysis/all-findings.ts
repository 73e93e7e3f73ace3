// Every finding for one analysed page: the rules (RGPD, SEO, eco-design, …) and axe-core's
// RGAA results grouped by RGAA criterion. The panel loads this module on the juror's first
// analysis (lib/hooks/use-page-analysis), not when it opens.
import type { PageFacts } from '../page/facts';
import { runChecks } from '../checks/engine';
import { RULES } from './rules';
import { axeFindings } from '../rgaa/axe-findings';
import type { Finding } from '../checks/types';

export { findingsForTopics } from '../checks/for-topics';

export function allFindings(facts: PageFacts): Finding[] {
  return [...axeFindings(facts), ...runChecks(facts, RULES)];
}
