import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { t } from '@/lib/i18n';
import { useActiveDeliverable } from '@/lib/hooks/use-active-deliverable';
import { useStoredSelection } from '@/lib/hooks/use-stored-selection';
import { allCriteria, criteriaInBloc, type CriterionInContext } from '@/lib/referentiels/catalog';
import { rankByRelevance } from '@/lib/referentiels/relevance';
import { buildSearchIndex, searchCriteria } from '@/lib/referentiels/search';
import type { Certification } from '@/lib/referentiels/schema';
import { BlocOverview } from './bloc-overview';
import { CriteriaByDocument } from './criteria-by-document';
import { CriteriaByRelevance } from './criteria-by-relevance';
import { DeliverableBanner } from './deliverable-banner';
import { OrderSwitch, type CriteriaOrder } from './order-switch';
import { SearchResults } from './search-results';
import { SelectionPickers } from './selection-pickers';

export function SidePanel({ certifications }: { certifications: readonly Certification[] }) {
  const active = useActiveDeliverable();
  const [selection, setSelection] = useStoredSelection();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [order, setOrder] = useState<CriteriaOrder>('relevance');
  const [focusCriterion, setFocusCriterion] = useState<string | null>(null);

  const certification = certifications.find((c) => c.id === selection?.certificationId) ?? null;
  const bloc = certification?.blocs.find((b) => b.id === selection?.blocId) ?? certification?.blocs[0] ?? null;

  const searchIndex = useMemo(() => buildSearchIndex(allCriteria(certifications)), [certifications]);
  const results = useMemo(() => searchCriteria(searchIndex, deferredQuery), [searchIndex, deferredQuery]);
  const items = useMemo(() => (certification && bloc ? criteriaInBloc(certification, bloc) : []), [certification, bloc]);
  const ranked = useMemo(() => rankByRelevance(items, active.detection), [items, active.detection]);

  useEffect(() => {
    if (!focusCriterion) return;
    const el = document.getElementById(`criterion-${focusCriterion}`);
    if (el) {
      el.scrollIntoView?.({ block: 'center' });
      el.focus();
      setFocusCriterion(null);
    }
  });

  const openFromSearch = (item: CriterionInContext) => {
    setSelection({ certificationId: item.certification.id, blocId: item.bloc.id });
    setQuery('');
    setOrder('document');
    setFocusCriterion(item.criterion.id);
  };

  const searching = deferredQuery.trim().length > 0;
  return (
    <div className="panel">
      <header className="panel-header">
        <h1>{t('panelTitle')}</h1>
        <DeliverableBanner active={active} />
      </header>
      <main>
        <SelectionPickers
          certifications={certifications}
          certification={certification}
          blocId={bloc?.id ?? null}
          onCertification={(id) => setSelection({ certificationId: id, blocId: null })}
          onBloc={(id) => setSelection({ certificationId: certification?.id ?? null, blocId: id })}
        />
        <div className="search" role="search">
          <label htmlFor="criteria-search">{t('search')}</label>
          <input
            id="criteria-search"
            type="search"
            value={query}
            placeholder={t('searchPlaceholder')}
            onChange={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
          />
        </div>
        {searching ? (
          <SearchResults results={results} onOpen={openFromSearch} />
        ) : (
          certification &&
          bloc && (
            <>
              <BlocOverview certification={certification} bloc={bloc} />
              <section aria-labelledby="criteria-heading" className="criteria-section">
                <h2 id="criteria-heading">{t('criteria', String(items.length))}</h2>
                {active.detection && <OrderSwitch value={order} onChange={setOrder} />}
                {active.detection && order === 'relevance' ? (
                  <CriteriaByRelevance ranked={ranked} />
                ) : (
                  <CriteriaByDocument items={items} />
                )}
              </section>
            </>
          )
        )}
      </main>
    </div>
  );
}
