import { pick, t } from '@/lib/i18n';
import type { Finding } from '@/lib/checks/types';
import { httpLink } from '@/lib/capture/links';
import { OutcomeBadge } from './outcome-badge';

/** What a finding says: rule, outcome, observation, the elements concerned and the rule's source. All as text. */
export function FindingSummary({ finding, headingLevel }: { finding: Finding; headingLevel?: 3 | 4 | 5 }) {
  const Heading = headingLevel ? (`h${headingLevel}` as const) : 'p';
  const source = httpLink(finding.source.url);
  return (
    <div className="finding-summary">
      <Heading className="finding-title">
        <OutcomeBadge outcome={finding.outcome} family={finding.family} /> {pick(finding.title)}
      </Heading>
      <p className="finding-detail preserve-lines">{pick(finding.detail)}</p>
      {finding.elements.length > 0 && (
        <details className="finding-elements">
          <summary>{t('findingElements', String(finding.elements.length))}</summary>
          <ul>
            {finding.elements.slice(0, 30).map((el, i) => (
              <li key={i}>
                <code>{el.selector}</code>
                {el.snippet && <span className="finding-snippet"> {el.snippet}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="finding-source hint">
        {t('findingSource')}{' '}
        {source ? (
          <a href={source} target="_blank" rel="noreferrer noopener">
            {finding.source.label}
          </a>
        ) : (
          finding.source.label
        )}
      </p>
    </div>
  );
}
