import { M } from '@/lib/ai/ui-messages';
import { pick } from '@/lib/i18n';
import type { CriterionInContext } from '@/lib/referentiels/catalog';

interface Props {
  missing: readonly string[];
  asked: number;
  items: readonly CriterionInContext[];
  codes: ReadonlyMap<string, string>;
  onAsk: (criterionIds: string[]) => void;
}

const WORDING_MAX = 140;
const excerpt = (text: string) => (text.length > WORDING_MAX ? `${text.slice(0, WORDING_MAX - 1).trimEnd()}…` : text);

/** The criteria a partial answer left out, by code and wording, with one request to ask for them again. */
export function AiMissingCriteria({ missing, asked, items, codes, onAsk }: Props) {
  if (!missing.length) return null;
  const byId = new Map(items.map((item) => [item.criterion.id, item]));
  return (
    <div className="ai-missing-criteria">
      <p>
        <strong>{pick(M.missingHeading(missing.length, asked))}</strong>
      </p>
      <ul>
        {missing.map((id) => {
          const text = byId.get(id)?.criterion.text.trim() ?? '';
          return (
            <li key={id}>
              <strong>{codes.get(id) ?? id}</strong>
              {text ? ` — ${excerpt(text)}` : ''}
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => onAsk([...missing])}>
        {pick(M.askMissing(missing.length))}
      </button>
    </div>
  );
}
