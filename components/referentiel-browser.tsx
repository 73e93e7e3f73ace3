import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { t } from '@/lib/i18n';
import type { Selection } from '@/lib/hooks/use-stored-selection';
import type { DeliverableDetection } from '@/lib/page/detect-deliverable';
import { allCriteria, criteriaInBloc, type CriterionInContext } from '@/lib/referentiels/criteria-in-context';
import { criterionCodes } from '@/lib/referentiels/criterion-code';
import { rankByRelevance } from '@/lib/page/relevance';
import type { Bloc, Certification } from '@/lib/referentiels/schema';
import { buildSearchIndex, searchCriteria } from '@/lib/referentiels/search';
import type { ReferentielSource } from '@/lib/referentiels/source';
import type { CertificationSummary } from '@/lib/referentiels/summary';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { BlocOverview } from './bloc-overview';
import { CriteriaByDocument } from './criteria-by-document';
import { CriteriaByRelevance } from './criteria-by-relevance';
import { GapTextsProvider } from './gap-text';
import { lazyComponent } from './lazy';
import { OrderSwitch, type CriteriaOrder } from './order-switch';
import { SearchResults } from './search-results';
import { SelectionPickers } from './selection-pickers';
import { useAllCertifications, useCertification } from './use-referentiels';

// Findings show under a criterion only after a page analysis: their code comes with it.
const CriterionFindings = lazyComponent(() => import('./criterion-findings'), 'CriterionFindings');

/** What the browser keeps while the panel shows a form or an evaluation: the search, the order. */
export function useBrowseState() {
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<CriteriaOrder>('relevance');
  const [focusCriterion, setFocusCriterion] = useState<string | null>(null);
  return { query, setQuery, order, setOrder, focusCriterion, setFocusCriterion };
}
export type BrowseState = ReturnType<typeof useBrowseState>;

interface Props {
  db: WorkspaceDb;
  source: ReferentielSource;
  custom: readonly Certification[] | undefined;
  list: readonly CertificationSummary[];
  detection: DeliverableDetection | null;
  analysed: boolean;
  selection: Selection | null;
  onSelect: (next: Selection) => void;
  state: BrowseState;
}

/** « Parcourir les référentiels »: pick a certification and a bloc, or search every criterion. */
export function ReferentielBrowser({ db, source, custom, list, detection, analysed, selection, onSelect, state }: Props) {
  const { query, setQuery, setOrder, focusCriterion, setFocusCriterion } = state;
  const deferredQuery = useDeferredValue(query);
  const summary = list.find((c) => c.id === selection?.certificationId) ?? null;
  const certification = useCertification(source, custom, summary?.id);
  const bloc = certification?.blocs.find((b) => b.id === selection?.blocId) ?? certification?.blocs[0] ?? null;
  const blocId = summary?.blocs.find((b) => b.id === selection?.blocId)?.id ?? summary?.blocs[0]?.id ?? null;

  // Folding every criterion of every référentiel for search is the panel's costliest work: done
  // at the first search (with the référentiels not loaded yet), not when the panel opens.
  const searching = deferredQuery.trim().length > 0;
  const every = useAllCertifications(source, custom, searching);
  const searchIndex = useMemo(() => (every ? buildSearchIndex(allCriteria(every)) : null), [every]);
  const results = useMemo(() => (searchIndex ? searchCriteria(searchIndex, deferredQuery) : []), [searchIndex, deferredQuery]);

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
    onSelect({ certificationId: item.certification.id, blocId: item.bloc.id, evaluationId: null });
    setQuery('');
    setOrder('document');
    setFocusCriterion(item.criterion.id);
  };

  return (
    <>
      <h2 className="browse-heading">{t('browseReferentiels')}</h2>
      <SelectionPickers
        certifications={list}
        certification={summary}
        blocId={blocId}
        onCertification={(id) => onSelect({ certificationId: id, blocId: null, evaluationId: null })}
        onBloc={(id) => onSelect({ certificationId: summary?.id ?? null, blocId: id, evaluationId: null })}
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
        searchIndex ? <SearchResults results={results} onOpen={openFromSearch} /> : <p role="status">{t('loading')}</p>
      ) : (
        certification && bloc && <BlocCriteria db={db} certification={certification} bloc={bloc} detection={detection} analysed={analysed} state={state} />
      )}
    </>
  );
}

interface BlocCriteriaProps {
  db: WorkspaceDb;
  certification: Certification;
  bloc: Bloc;
  detection: DeliverableDetection | null;
  analysed: boolean;
  state: BrowseState;
}

/** The chosen bloc: its modality and competencies, then its criteria, by relevance to the tab or in order. */
function BlocCriteria({ db, certification, bloc, detection, analysed, state: { order, setOrder } }: BlocCriteriaProps) {
  const items = useMemo(() => criteriaInBloc(certification, bloc), [certification, bloc]);
  const ranked = useMemo(() => rankByRelevance(items, detection), [items, detection]);
  const codes = useMemo(() => criterionCodes(bloc, (owner, n) => t('criterionCode', owner, String(n))), [bloc]);
  const extra = (item: CriterionInContext) =>
    analysed ? <CriterionFindings topics={item.criterion.topics} code={codes.get(item.criterion.id) ?? item.criterion.text.slice(0, 60)} /> : null;
  return (
    <GapTextsProvider db={db} certificationId={certification.id} dataVersion={certification.dataVersion} who={null}>
      <BlocOverview certification={certification} bloc={bloc} />
      <section aria-labelledby="criteria-heading" className="criteria-section">
        <h2 id="criteria-heading">{t('criteria', String(items.length))}</h2>
        {detection && <OrderSwitch value={order} onChange={setOrder} />}
        {detection && order === 'relevance' ? <CriteriaByRelevance ranked={ranked} renderExtra={extra} /> : <CriteriaByDocument items={items} renderExtra={extra} />}
      </section>
    </GapTextsProvider>
  );
}
