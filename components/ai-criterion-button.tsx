import { M } from '@/lib/ai/ui-messages';
import { pick } from '@/lib/i18n';
import { useAiSuggestions } from './ai-suggestions-provider';

/**
 * « Suggérer » under one criterion (criterion extras): prepares the request for that criterion
 * alone and takes the juror to its preview in « Suggestions d'observations (IA) ». Shown only
 * once an endpoint is set up and the page analysed (the section says how to get there).
 */
export function AiCriterionButton({ criterionId, code }: { criterionId: string; code: string }) {
  const state = useAiSuggestions();
  if (!state || state.config.status !== 'ready' || !state.config.config || !state.analysed) return null;
  if (!state.items.some((item) => item.criterion.id === criterionId)) return null;
  return (
    <button type="button" className="ai-criterion-button link-button" aria-label={pick(M.suggestFor(code))} disabled={state.flow.step === 'running'} onClick={() => state.prepare({ kind: 'criterion', criterionId })}>
      {pick(M.suggest)}
    </button>
  );
}
