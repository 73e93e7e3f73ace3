import { useState } from 'react';
import { t } from '@/lib/i18n';
import { useActiveDeliverable, type ActiveDeliverable } from '@/lib/hooks/use-active-deliverable';
import { usePageAnalysis } from '@/lib/hooks/use-page-analysis';
import { useStoredSelection, type Selection } from '@/lib/hooks/use-stored-selection';
import type { Certification } from '@/lib/referentiels/schema';
import type { ReferentielSource } from '@/lib/referentiels/source';
import type { CertificationSummary } from '@/lib/referentiels/summary';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { AnalysisProvider } from './analysis-context';
import { DeliverableBanner, deliverableLabel } from './deliverable-banner';
import { EvaluationList } from './evaluation-list';
import { ExportActions } from './export-actions';
import { lazyComponent } from './lazy';
import { NewEvaluationForm } from './new-evaluation-form';
import { PageAnalysisSection } from './page-analysis';
import { ReferentielBrowser, useBrowseState, type BrowseState } from './referentiel-browser';
import { StorageStatus } from './storage-status';
import { everyCertification, useCertificationList, useCustomCertifications, useSource, type Referentiels } from './use-referentiels';

// What the panel does not show when it opens (the criteria of the remembered bloc) comes from
// its own chunk, when asked for: an open evaluation, backups, imports.
const EvaluationView = lazyComponent(() => import('./evaluation-view'), 'EvaluationView');
const BackupActions = lazyComponent(() => import('./backup-actions'), 'BackupActions', { belowFirstScreen: true });
const ReferentielImport = lazyComponent(() => import('./referentiel-import'), 'ReferentielImport', { belowFirstScreen: true });

interface Props {
  /** Grille's bundled référentiels (loaded when shown), or certifications already in hand. */
  certifications: Referentiels;
  db: WorkspaceDb;
}

export function SidePanel({ certifications, db }: Props) {
  const source = useSource(certifications);
  // The bundled référentiels and those a school imported (latest version of each).
  const custom = useCustomCertifications(db, source);
  const list = useCertificationList(source, custom);
  const refs = { source, custom, list };
  const active = useActiveDeliverable();
  const analysis = usePageAnalysis(active.tab);
  const [selection, setSelection] = useStoredSelection();
  const browse = useBrowseState();
  const [creating, setCreating] = useState(false);
  const evaluationId = selection?.evaluationId ?? null;

  // A new evaluation opens once created: its view loads while the juror fills the form.
  const startCreating = () => {
    EvaluationView.preload();
    setCreating(true);
  };
  const openEvaluation = (id: string, certificationId: string | null = null) => {
    setCreating(false);
    browse.setQuery('');
    setSelection({ certificationId: certificationId ?? selection?.certificationId ?? null, blocId: null, evaluationId: id });
  };

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
              source={source}
              custom={custom}
              active={active}
              blocId={selection.blocId}
              onBloc={(id) => setSelection({ ...selection, blocId: id })}
              onClose={() => setSelection({ ...selection, evaluationId: null })}
            />
          ) : creating ? (
            <NewEvaluationForm
              db={db}
              certifications={list}
              initialCertificationId={list.find((c) => c.id === selection?.certificationId)?.id ?? null}
              tab={active.tab}
              detection={active.detection}
              deliverableLabel={active.detection ? deliverableLabel(active.detection) : null}
              onCreated={(id, juror) => {
                if (juror) localStorage.setItem(`grille:actor:${id}`, juror);
                openEvaluation(id);
              }}
              onCancel={() => setCreating(false)}
            />
          ) : (
            <PanelHome db={db} refs={refs} active={active} analysed={analysis.status === 'done'} selection={selection} onSelect={setSelection} browse={browse} onCreate={startCreating} onOpen={openEvaluation} />
          )}
        </main>
        <footer>
          {!evaluationId && <ReferentielImport db={db} bundled={source.peekAll()} />}
          <StorageStatus />
        </footer>
      </div>
    </AnalysisProvider>
  );
}

interface HomeProps {
  db: WorkspaceDb;
  refs: { source: ReferentielSource; custom: readonly Certification[] | undefined; list: readonly CertificationSummary[] };
  active: ActiveDeliverable;
  analysed: boolean;
  selection: Selection | null;
  onSelect: (next: Selection) => void;
  browse: BrowseState;
  onCreate: () => void;
  onOpen: (evaluationId: string) => void;
}

/** No evaluation open: the evaluations, the page analysis, the référentiels, the session's tools. */
function PanelHome({ db, refs: { source, custom, list }, active, analysed, selection, onSelect, browse, onCreate, onOpen }: HomeProps) {
  // Exports read every certification, when clicked; backups and imports the bundled ones
  // (undefined: Grille's own, read by the import itself).
  const every = () => everyCertification(source, db);
  return (
    <>
      <div className="workspace-actions">
        <button type="button" onClick={onCreate}>
          {t('newEvaluation')}
        </button>
      </div>
      <EvaluationList db={db} certifications={list} onOpen={onOpen} />
      <PageAnalysisSection tab={active.tab} db={db} />
      <ReferentielBrowser db={db} source={source} custom={custom} list={list} detection={active.detection} analysed={analysed} selection={selection} onSelect={onSelect} state={browse} />
      {/* Session-wide tools, used at the end of a jury day rather than beside a deliverable. */}
      <ExportActions db={db} certifications={every} session />
      <BackupActions db={db} who={null} certifications={source.peekAll()} onImported={(ids) => ids.length === 1 && onOpen(ids[0]!)} />
    </>
  );
}
