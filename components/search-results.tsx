import { t } from '@/lib/i18n';
import type { CriterionInContext } from '@/lib/referentiels/catalog';
import { scopeLabel } from './scope-label';

interface Props {
  results: readonly CriterionInContext[];
  onOpen: (item: CriterionInContext) => void;
}

/** Hits across every certification, each with where it sits and a way to open its bloc. */
export function SearchResults({ results, onOpen }: Props) {
  return (
    <section aria-labelledby="search-results-heading" className="search-results">
      <div role="status" aria-live="polite">
        <h2 id="search-results-heading">
          {results.length > 0 ? t('searchResults', String(results.length)) : t('searchNone')}
        </h2>
      </div>
      <ol className="criteria">
        {results.map((item) => (
          <li key={item.criterion.id} className="criterion" data-criterion-id={item.criterion.id}>
            <p className="criterion-scope">
              {item.certification.title} › {t('blocLabel', item.bloc.code, item.bloc.title)} ›{' '}
              {scopeLabel(item.criterion.scope, item.competencies)}
            </p>
            {item.criterion.heading && <p className="criterion-heading">{item.criterion.heading}</p>}
            <p className="criterion-text" id={`hit-${item.criterion.id}`}>
              {item.criterion.gap ? t('gapText') : item.criterion.text}
            </p>
            <button
              type="button"
              className="link-button"
              aria-describedby={`hit-${item.criterion.id}`}
              onClick={() => onOpen(item)}
            >
              {t('openInBloc')}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
