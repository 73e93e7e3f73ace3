import { useId } from 'react';
import type { Finding, Outcome } from '@/lib/checks/types';
import { MSG, pick } from '@/lib/rgaa/messages';
import { RgaaText } from './rgaa-text';

interface Props {
  findings: readonly Finding[];
  onHighlight(selectors: string[], label: string): void;
}

const GROUPS: { outcome: Outcome; label: typeof MSG.groupFail; open: boolean }[] = [
  { outcome: 'fail', label: MSG.groupFail, open: true },
  { outcome: 'review', label: MSG.groupReview, open: true },
  { outcome: 'pass', label: MSG.groupPass, open: false },
];

/** The automated RGAA pass, grouped by what it can say: non conforme, à vérifier, conforme sur ce qui a été testé. */
export function RgaaAutomated({ findings, onHighlight }: Props) {
  const ids = useId();
  const rgaa = findings.filter((f) => f.family === 'rgaa' && f.rgaa.length > 0);
  return (
    <section className="rgaa-automated" aria-labelledby={`${ids}-h`}>
      <h3 id={`${ids}-h`}>{pick(MSG.automatedHeading)}</h3>
      <p className="hint">{pick(MSG.automatedIntro)}</p>
      {rgaa.length === 0 ? (
        <p>{pick(MSG.automatedNone)}</p>
      ) : (
        GROUPS.map(({ outcome, label, open }) => {
          const group = rgaa.filter((f) => f.outcome === outcome);
          return (
            <details key={outcome} className={`rgaa-group rgaa-group-${outcome}`} open={open && group.length > 0}>
              <summary>
                {pick(label)} ({group.length})
              </summary>
              {group.length === 0 ? (
                <p className="hint">{pick(MSG.groupEmpty)}</p>
              ) : (
                <ul className="rgaa-findings">
                  {group.map((f) => (
                    <AutomatedCriterion key={f.ruleId} finding={f} onHighlight={onHighlight} />
                  ))}
                </ul>
              )}
            </details>
          );
        })
      )}
    </section>
  );
}

function AutomatedCriterion({ finding, onHighlight }: { finding: Finding; onHighlight: Props['onHighlight'] }) {
  const ids = useId();
  const title = pick(finding.title);
  return (
    <li className="rgaa-finding">
      <h4 id={`${ids}-t`}>
        <RgaaText text={title} />
      </h4>
      <p>{pick(finding.detail)}</p>
      {finding.elements.length > 0 && (
        <>
          <p className="rgaa-elements-label" id={`${ids}-e`}>
            {pick(MSG.elements)} ({finding.elements.length})
          </p>
          <ul className="rgaa-elements" aria-labelledby={`${ids}-e`}>
            {finding.elements.map((e) => (
              <li key={e.selector}>
                <code className="selector">{e.selector}</code>
                {e.snippet && (
                  <>
                    <br />
                    <code className="snippet">{e.snippet}</code>
                  </>
                )}
              </li>
            ))}
          </ul>
          <button type="button" aria-describedby={`${ids}-t`} onClick={() => onHighlight(finding.elements.map((e) => e.selector), title)}>
            {pick(MSG.highlight)}
          </button>
        </>
      )}
      <p className="hint">
        <a href={finding.source.url} target="_blank" rel="noreferrer">
          {finding.source.label}
        </a>
      </p>
    </li>
  );
}
