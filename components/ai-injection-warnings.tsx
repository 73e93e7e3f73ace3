import type { InjectionWarning } from '@/lib/ai/contract';
import { M } from '@/lib/ai/ui-messages';
import { pick } from '@/lib/i18n';

function fate(w: InjectionWarning) {
  if (w.hidden) return w.sent ? M.injectionHiddenSent : M.injectionHiddenWithheld;
  return w.sent ? M.injectionVisible : M.injectionVisibleWithheld;
}

/** Passages addressed to an AI found in the page: shown to the juror, each saying whether it is sent (as delimited data) or not. */
export function AiInjectionWarnings({ warnings }: { warnings: readonly InjectionWarning[] }) {
  if (!warnings.length) return null;
  const sent = warnings.filter((w) => w.sent).length;
  return (
    <div className="ai-injection hidden-texts">
      <p>
        <strong>{pick(M.injectionHeading(sent, warnings.length - sent))}</strong>
      </p>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>
            <span className="hidden-text">{w.text}</span>{' '}
            <span className="hint">
              ({w.reason} — {pick(fate(w))})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
