import { useId, useState, type ChangeEvent } from 'react';
import { F, M, pick } from '@/lib/export/backup-messages';
import type { Envelope } from '@/lib/export/envelope';
import { ExportError, ImportError, formatBytes } from '@/lib/text/file-errors';
import type { ConflictMode, ImportSummary } from '@/lib/export/import';
import type { Certification } from '@/lib/referentiels/schema';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { storageErrorMessage } from '@/lib/workspace/errors';

interface Props {
  db: WorkspaceDb;
  /** The open evaluation, if any: offers « Exporter cette évaluation ». */
  evaluationId?: string | null;
  who: string | null;
  /** Bundled certifications (defaults to Grille's). */
  certifications?: readonly Certification[];
  onImported?: (evaluationIds: string[]) => void;
}

// Writing and reading backups (zod, every bundled référentiel to check a file against) load on
// the first click, not with the panel.
const backup = () => import('@/lib/export/backup');
const importer = () => import('@/lib/export/import');

/** Saves a Blob through an <a download> on an object URL (no permission needed). */
function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}

interface ErrorView {
  message: string;
  details: readonly string[];
  note: string;
}

const errorView = (error: unknown, note: string): ErrorView =>
  error instanceof ImportError || error instanceof ExportError ? { message: error.message, details: error.details.length > 1 ? error.details : [], note } : { message: storageErrorMessage(error, { kept: false }), details: [], note };

/** Lossless JSON backup: export one evaluation or everything, import a file after a summary. */
export function BackupActions({ db, evaluationId, who, certifications, onImported }: Props) {
  const ids = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ErrorView | null>(null);
  const [pending, setPending] = useState<{ envelope: Envelope; summary: ImportSummary; fileName: string } | null>(null);
  const [conflict, setConflict] = useState<ConflictMode>('skip');

  const run = async (label: string, task: () => Promise<void>, note = pick(M.importError)) => {
    setBusy(label);
    setError(null);
    setStatus(null);
    try {
      await task();
    } catch (e) {
      setError(errorView(e, note));
    } finally {
      setBusy(null);
    }
  };

  const exportScope = (scope: { evaluationId: string } | 'all') =>
    run(pick(M.exporting), async () => {
      const [{ exportBackup }, { MAX_IMPORT_BYTES }] = await Promise.all([backup(), importer()]);
      const file = await exportBackup(db, scope);
      download(file.blob, file.fileName);
      setStatus(`${pick(F.exported(file.fileName))}${file.blob.size > MAX_IMPORT_BYTES ? ` ${pick(F.exportTooBig(formatBytes(file.blob.size)))}` : ''}`);
    }, pick(M.exportError));

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    setPending(null);
    if (!file) return;
    void run(pick(M.reading), async () => {
      const { planImport, readBackup } = await importer();
      const envelope = await readBackup(file);
      const summary = await planImport(db, envelope, { certifications });
      setConflict('skip');
      setPending({ envelope, summary, fileName: file.name });
    });
  };

  const confirm = () => {
    if (!pending) return;
    void run(pick(M.importConfirm), async () => {
      const { importBackup } = await importer();
      const result = await importBackup(db, pending.envelope, {
        certifications,
        who,
        fileName: pending.fileName,
        conflict: pending.summary.conflicts.length ? conflict : undefined,
      });
      setPending(null);
      setStatus(pick(F.imported(result.added, result.replaced, result.copied, result.skipped)));
      onImported?.(result.evaluationIds);
    });
  };

  return (
    <section className="backup-actions" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{pick(M.backupTitle)}</h2>
      <p className="hint">{pick(M.backupHelp)}</p>
      <ExportButtons evaluationId={evaluationId} busy={!!busy} onExport={(scope) => void exportScope(scope)} />
      <label htmlFor={`${ids}-file`}>{pick(M.importFile)}</label>
      <input id={`${ids}-file`} type="file" accept=".json,application/json" disabled={!!busy} onChange={choose} />

      {pending && (
        <ImportSummaryView ids={ids} summary={pending.summary} conflict={conflict} onConflict={setConflict} busy={!!busy} onConfirm={confirm} onCancel={() => setPending(null)} />
      )}

      {busy && <p role="status">{busy}</p>}
      {status && !busy && <p role="status">{status}</p>}
      {error && <BackupErrorView error={error} />}
    </section>
  );
}

/** « Exporter cette évaluation » (when one is open) and « Tout exporter ». */
function ExportButtons({ evaluationId, busy, onExport }: { evaluationId?: string | null; busy: boolean; onExport: (scope: { evaluationId: string } | 'all') => void }) {
  return (
    <div className="actions">
      {evaluationId && (
        <button type="button" disabled={busy} onClick={() => onExport({ evaluationId })}>
          {pick(M.exportEvaluation)}
        </button>
      )}
      <button type="button" disabled={busy} onClick={() => onExport('all')}>
        {pick(M.exportAll)}
      </button>
    </div>
  );
}

interface SummaryProps {
  ids: string;
  summary: ImportSummary;
  conflict: ConflictMode;
  onConflict: (mode: ConflictMode) => void;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** What the chosen file holds, how to treat evaluations already here, and « Importer ». */
function ImportSummaryView({ ids, summary, conflict, onConflict, busy, onConfirm, onCancel }: SummaryProps) {
  const heldElsewhere = summary.heldElsewhere.evidence + summary.heldElsewhere.rgaaAudits + summary.heldElsewhere.aiSuggestions;
  return (
    <div className="backup-summary" aria-labelledby={`${ids}-summary`} role="group">
      <h3 id={`${ids}-summary`}>{pick(M.fileContents)}</h3>
      <ul>
        <li>{pick(F.summaryExported(new Date(summary.exportedAt).toLocaleString('fr-FR'), summary.grilleVersion))}</li>
        <li>{pick(F.summaryCandidates(summary.candidates))}</li>
        <li>{pick(F.summaryEvaluations(summary.evaluations.length, summary.evaluations.map((e) => e.candidateName).join(', ')))}</li>
        <li>{pick(F.summaryReferentiels(summary.referentiels.map((r) => pick(F.referentielVersion(r.title ?? r.id, r.dataVersion, r.custom))).join(' ; ')))}</li>
        <li>{pick(F.summaryEvidence(summary.evidence, summary.screenshots))}</li>
        {heldElsewhere > 0 && <li>{pick(F.summaryHeldElsewhere(summary.heldElsewhere.evidence, summary.heldElsewhere.rgaaAudits, summary.heldElsewhere.aiSuggestions))}</li>}
      </ul>
      {summary.conflicts.length > 0 && (
        <fieldset>
          <legend>{pick(M.conflictLegend)}</legend>
          <ul>
            {summary.conflicts.map((c) => (
              <li key={c.evaluationId}>
                {c.candidateName || pick(M.unnamedCandidate)} — {c.certificationTitle}
              </li>
            ))}
          </ul>
          {(['skip', 'replace', 'copy'] as const).map((mode) => (
            <label key={mode} className="choice">
              <input type="radio" name={`${ids}-conflict`} value={mode} checked={conflict === mode} onChange={() => onConflict(mode)} />
              {pick(mode === 'skip' ? M.conflictSkip : mode === 'replace' ? M.conflictReplace : M.conflictCopy)}
            </label>
          ))}
        </fieldset>
      )}
      <div className="actions">
        <button type="button" disabled={busy} onClick={onConfirm}>
          {pick(M.importConfirm)}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {pick(M.cancel)}
        </button>
      </div>
    </div>
  );
}

function BackupErrorView({ error }: { error: ErrorView }) {
  return (
    <div role="alert" className="error">
      <p>{error.note}</p>
      <p>{error.message}</p>
      {error.details.length > 0 && (
        <ul>
          {error.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
