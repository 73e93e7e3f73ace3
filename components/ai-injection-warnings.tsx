import type { InjectionWarning } from '@/lib/ai/contract';
import { M } from '@/lib/ai/ui-messages';
import { pick } from '@/lib/i18n';

/** Instructions addressed to an AI found in the page: shown to the juror, sent only as delimited data. */
export function AiInjectionWarnings({ warnings }: { warnings: readonly InjectionWarning[] }) {
  if (!warnings.length) return null;
  return (
    <div className="ai-injection hidden-texts">
      <p>
        <strong>{pick(M.injectionHeading)}</strong>
      </p>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>
            <span className="hidden-text">{w.text}</span>{' '}
            <span className="hint">
              ({w.reason} — {w.hidden ? pick(M.injectionHidden) : pick(M.injectionVisible)})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
