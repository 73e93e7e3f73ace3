import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { allCertifications } from '@/lib/workspace/custom-referentiels';
import { lazyComponent } from './lazy';
import { t } from '@/lib/i18n';
import { useActiveDeliverable } from '@/lib/hooks/use-active-deliverable';
import { usePageAnalysis } from '@/lib/hooks/use-page-analysis';
import { useStoredSelection } from '@/lib/hooks/use-stored-selection';
import { allCriteria, criteriaInBloc, type CriterionInContext } from '@/lib/referentiels/catalog';
import { rankByRelevance } from '@/lib/page/relevance';
import { criterionCodes } from '@/lib/referentiels/criterion-code';
import { buildSearchIndex, searchCriteria } from '@/lib/referentiels/search';
import type { Certification } from '@/lib/referentiels/schema';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { AnalysisProvider } from './analysis-context';
import { BlocOverview } from './bloc-overview';
import { CriterionFindings } from './criterion-findings';
import { PageAnalysisSection } from './page-analysis';
import { CriteriaByDocument } from './criteria-by-document';
import { CriteriaByRelevance } from './criteria-by-relevance';
import { DeliverableBanner, deliverableLabel } from './deliverable-banner';
import { EvaluationList } from './evaluation-list';
import { ExportActions } from './export-actions';
import { GapTextsProvider } from './gap-text';
import { EvaluationView } from './evaluation-view';
import { NewEvaluationForm } from './new-evaluation-form';
import { OrderSwitch, type CriteriaOrder } from './order-switch';
import { SearchResults } from './search-results';
import { SelectionPickers } from './selection-pickers';
import { StorageStatus } from './storage-status';

const BackupActions = lazyComponent(() => import('./backup-actions'), 'BackupActions');
const ReferentielImport = lazyComponent(() => import('./referentiel-import'), 'ReferentielImport');

interface Props {
  certifications: readonly Certification[];
  db: WorkspaceDb;
}

export function SidePanel({ certifications: bundled, db }: Props) {
  // The bundled référentiels and those a school imported (latest version of each).
  const certifications = useLiveQuery(() => allCertifications(db, bundled), [db, bundled]) ?? bundled;
  const active = useActiveDeliverable();
  const analysis = usePageAnalysis(active.tab);
  const [selection, setSelection] = useStoredSelection();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [order, setOrder] = useState<CriteriaOrder>('relevance');
  const [focusCriterion, setFocusCriterion] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const certification = certifications.find((c) => c.id === selection?.certificationId) ?? null;
  const bloc = certification?.blocs.find((b) => b.id === selection?.blocId) ?? certification?.blocs[0] ?? null;
  const evaluationId = selection?.evaluationId ?? null;

  // Folding every criterion of every référentiel for search is the panel's costliest start-up
  // work: done at the first search, not when the panel opens.
  const searching = deferredQuery.trim().length > 0;
  const searchIndex = useMemo(() => (searching ? buildSearchIndex(allCriteria(certifications)) : null), [searching, certifications]);
  const results = useMemo(() => (searchIndex ? searchCriteria(searchIndex, deferredQuery) : []), [searchIndex, deferredQuery]);
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
    setSelection({ certificationId: item.certification.id, blocId: item.bloc.id, evaluationId: null });
    setQuery('');
    setOrder('document');
    setFocusCriterion(item.criterion.id);
  };

  const openEvaluation = (id: string, certificationId: string | null = null) => {
    setCreating(false);
    setQuery('');
    setSelection({ certificationId: certificationId ?? selection?.certificationId ?? null, blocId: null, evaluationId: id });
  };

  const codes = useMemo(() => (bloc ? criterionCodes(bloc, (owner, n) => t('criterionCode', owner, String(n))) : new Map<string, string>()), [bloc]);
  const browseExtra = (item: CriterionInContext) => <CriterionFindings topics={item.criterion.topics} code={codes.get(item.criterion.id) ?? item.criterion.text.slice(0, 60)} />;
  const label = active.detection ? deliverableLabel(active.detection) : null;
  return (
    <AnalysisProvider analysis={analysis}>
    <div className="panel">
      <header className="panel-header">
        <h1>{t('panelTitle')}</h1>
        <DeliverableBanner active={active} />
      </header>
      <main>
        {selection && evaluationId ? (
          <EvaluationView
            db={db}
            evaluationId={evaluationId}
            certifications={certifications}
            active={active}
            blocId={selection.blocId}
            onBloc={(id) => setSelection({ ...selection, blocId: id })}
            onClose={() => setSelection({ ...selection, evaluationId: null })}
          />
        ) : creating ? (
          <NewEvaluationForm
            db={db}
            certifications={certifications}
            initialCertificationId={certification?.id ?? null}
            tab={active.tab}
            detection={active.detection}
            deliverableLabel={label}
            onCreated={(id, juror) => {
              if (juror) localStorage.setItem(`grille:actor:${id}`, juror);
              openEvaluation(id);
            }}
            onCancel={() => setCreating(false)}
          />
        ) : (
          <>
            <div className="workspace-actions">
              <button type="button" onClick={() => setCreating(true)}>
                {t('newEvaluation')}
              </button>
            </div>
            <EvaluationList db={db} certifications={certifications} onOpen={(id) => openEvaluation(id)} />
            <PageAnalysisSection tab={active.tab} db={db} />
            <h2 className="browse-heading">{t('browseReferentiels')}</h2>
            <SelectionPickers
              certifications={certifications}
              certification={certification}
              blocId={bloc?.id ?? null}
              onCertification={(id) => setSelection({ certificationId: id, blocId: null, evaluationId: null })}
              onBloc={(id) => setSelection({ certificationId: certification?.id ?? null, blocId: id, evaluationId: null })}
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
                <GapTextsProvider db={db} certificationId={certification.id} dataVersion={certification.dataVersion} who={null}>
                  <BlocOverview certification={certification} bloc={bloc} />
                  <section aria-labelledby="criteria-heading" className="criteria-section">
                    <h2 id="criteria-heading">{t('criteria', String(items.length))}</h2>
                    {active.detection && <OrderSwitch value={order} onChange={setOrder} />}
                    {active.detection && order === 'relevance' ? (
                      <CriteriaByRelevance ranked={ranked} renderExtra={browseExtra} />
                    ) : (
                      <CriteriaByDocument items={items} renderExtra={browseExtra} />
                    )}
                  </section>
                </GapTextsProvider>
              )
            )}
            {/* Session-wide tools, used at the end of a jury day rather than beside a deliverable. */}
            <ExportActions db={db} certifications={certifications} session />
            <BackupActions db={db} who={null} certifications={bundled} onImported={(ids) => ids.length === 1 && openEvaluation(ids[0]!)} />
          </>
        )}
      </main>
      <footer>
        {!evaluationId && <ReferentielImport db={db} bundled={bundled} />}
        <StorageStatus />
      </footer>
    </div>
    </AnalysisProvider>
  );
}
