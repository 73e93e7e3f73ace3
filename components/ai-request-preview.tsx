import { useId } from 'react';
import type { AiConfig, PreparedRequest } from '@/lib/ai/contract';
import { PROVIDER_PRESETS } from '@/lib/ai/providers';
import { M } from '@/lib/ai/ui-messages';
import { formatCount } from '@/lib/ai/ui-suggestions';
import { pick } from '@/lib/i18n';
import { AiInjectionWarnings } from './ai-injection-warnings';

interface Props {
  prepared: PreparedRequest;
  config: AiConfig;
  /** « Demande pour tout le bloc… » or « …pour le critère C1 ». */
  scopeLabel: string;
  onSend: () => void;
  onCancel: () => void;
}

/**
 * What will be sent, before anything is: the messages exactly as sent (after pseudonymisation),
 * their estimated size, and the instructions found in the page. « Envoyer » is the only way on.
 */
export function AiRequestPreview({ prepared, config, scopeLabel, onSend, onCancel }: Props) {
  const id = useId();
  const provider = PROVIDER_PRESETS[config.provider]?.label ?? config.provider;
  return (
    <div className="ai-preview" aria-labelledby={`${id}-heading`} role="group">
      <h3 id={`${id}-heading`}>{pick(M.previewHeading)}</h3>
      <p>{scopeLabel}</p>
      <p>{pick(M.previewTokens(formatCount(prepared.estimatedTokens), config.model, provider))}</p>
      <p className="hint">{config.pseudonymise ? pick(M.previewPseudonymised(prepared.redactions.size)) : pick(M.previewNotPseudonymised)}</p>
      <AiInjectionWarnings warnings={prepared.injectionWarnings} />
      <details className="ai-messages" open>
        <summary>{pick(M.previewMessages)}</summary>
        {prepared.messages.map((message, i) => (
          <div key={i}>
            <h4 id={`${id}-m${i}`}>{pick(M.role(message.role))}</h4>
            {/* Scrollable, so focusable; the text is shown as text, never as HTML. */}
            <pre className="ai-message" tabIndex={0} role="region" aria-labelledby={`${id}-m${i}`} style={{ maxHeight: '16rem', overflow: 'auto', whiteSpace: 'pre-wrap' }}>
              {message.content}
            </pre>
          </div>
        ))}
      </details>
      <div className="ai-actions">
        <button type="button" onClick={onSend}>
          {pick(M.send)}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {pick(M.cancel)}
        </button>
      </div>
    </div>
  );
}
