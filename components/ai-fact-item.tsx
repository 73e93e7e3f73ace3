import type { VerifiedFact } from '@/lib/ai/contract';
import { M } from '@/lib/ai/ui-messages';
import { pick } from '@/lib/i18n';
import { VerdictText } from './ai-verdict-text';

interface Props {
  fact: VerifiedFact;
  findingTitle: (ruleId: string) => string | null;
}

/**
 * One observed fact with its support and, beside it, what is wrong with it: a quote verified in
 * the page (in the page's words), or why not; a quote of hidden text shown as such, never as
 * evidence; a reference to a finding or an evidence item, or « référence inventée ».
 */
export function AiFactItem({ fact, findingTitle }: Props) {
  const problems = fact.problems ?? [];
  const hidden = problems.includes('quote-in-hidden-text');
  return (
    <li>
      <VerdictText text={fact.text} />
      {fact.quote && hidden && (
        <>
          <p className="ai-fact-problem">
            <strong>⚠ {pick(M.quoteHiddenLabel)}</strong>
          </p>
          <p className="hidden-text">{fact.quote}</p>
        </>
      )}
      {fact.quote && !hidden && (
        <>
          <blockquote className="evidence-quote">{fact.verified ? fact.quote : <VerdictText text={fact.quote} />}</blockquote>
          {fact.verified === true && <span className="ai-quote-verified">✓ {pick(M.quoteVerified)}</span>}
        </>
      )}
      {fact.findingRuleId &&
        (problems.includes('unknown-finding') ? (
          <p className="hint">{pick(M.inventedRef('finding', fact.findingRuleId))}</p>
        ) : (
          <p className="hint">{pick(M.findingRef(findingTitle(fact.findingRuleId) ?? fact.findingRuleId))}</p>
        ))}
      {fact.evidenceId && (problems.includes('unknown-evidence') ? <p className="hint">{pick(M.inventedRef('evidence', fact.evidenceId))}</p> : <p className="hint">{pick(M.evidenceRef)}</p>)}
      {problems.map((problem) => (
        <p key={problem} className="ai-fact-problem">
          <strong>⚠ {pick(M.problem[problem])}</strong>
        </p>
      ))}
    </li>
  );
}
