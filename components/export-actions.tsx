import { useId, useState } from 'react';
import { exportFileName, toBlob, triggerDownload, type FileKind } from '@/lib/export/download';
import { UI, ui, type Lang, type Text } from '@/lib/export/messages';
import type { EvaluationRecord } from '@/lib/export/record';
import type { Certification } from '@/lib/referentiels/schema';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { isStorageError, storageErrorMessage } from '@/lib/workspace/errors';

export interface ExportActionsProps {
  db: WorkspaceDb;
  /** The certifications, or how to read them when a button is clicked (the panel loads them then). */
  certifications: readonly Certification[] | (() => Promise<readonly Certification[]>);
  /** The open evaluation: its record (procès-verbal) and the candidate's feedback. */
  evaluationId?: string | null;
  /** The session summary (CSV): these evaluations, or all of them when true. */
  session?: boolean | readonly string[];
  /** Language of the documents: French unless asked (the record is a French document). */
  documentLang?: Lang;
  /** Where a file goes; a browser download by default. */
  download?: (blob: Blob, fileName: string) => void;
}

// DOCX and PDF writers weigh ~1 MB (300 kB gzipped): loaded on the first click, not with the panel.
const docx = () => import('@/lib/export/docx');
const pdf = () => import('@/lib/export/pdf');
const feedback = () => import('@/lib/export/feedback');
// Reading the workspace into a record (with the RGAA criteria) and the CSV writer: on the first click too.
const records = () => import('@/lib/export/record');
const csv = () => import('@/lib/export/csv');

interface Action {
  id: string;
  label: Text;
  make: () => Promise<{ blob: Blob; fileName: string }>;
}

async function reason(error: unknown): Promise<string> {
  const { ExportError } = await records().catch(() => ({ ExportError: null }));
  if (ExportError && error instanceof ExportError) return error.message;
  // Reading the workspace failed (database closed, profile damaged…): said in words, not by name.
  if (isStorageError(error)) return storageErrorMessage(error, { kept: false });
  return ui(UI.unexpected(error instanceof Error ? error.message : String(error)));
}

/** The files one click makes: the evaluation's record and feedback, the session's summaries. */
function exportActions(db: WorkspaceDb, certifications: ExportActionsProps['certifications'], evaluationId: string | null | undefined, session: ExportActionsProps['session'], options: { lang: Lang }) {
  const certs = async () => (typeof certifications === 'function' ? certifications() : certifications);
  const record = async () => (await records()).buildEvaluationRecord(db, evaluationId!, await certs());
  const file = (r: EvaluationRecord, prefix: string, kind: FileKind, content: Uint8Array | string) => ({
    blob: toBlob(content, kind),
    fileName: exportFileName(prefix, kind, r.candidate.name, r.exportedAt),
  });
  const sessionRecords = async () => {
    const ids = Array.isArray(session) ? (session as readonly string[]) : undefined;
    const { buildSessionRecords, ExportError } = await records();
    const built = await buildSessionRecords(db, await certs(), ids);
    if (!built.length) throw new ExportError(ui(UI.empty));
    return built;
  };

  const evaluationActions: Action[] = evaluationId
    ? [
        { id: 'record-docx', label: UI.recordDocx, make: async () => { const [r, m] = await Promise.all([record(), docx()]); return file(r, 'pv', 'docx', await m.recordToDocx(r, options)); } },
        { id: 'record-pdf', label: UI.recordPdf, make: async () => { const [r, m] = await Promise.all([record(), pdf()]); return file(r, 'pv', 'pdf', await m.recordToPdf(r, options)); } },
        { id: 'feedback-docx', label: UI.feedbackDocx, make: async () => { const [r, m] = await Promise.all([record(), feedback()]); return file(r, 'retour', 'docx', await m.feedbackToDocx(r, options)); } },
        { id: 'feedback-pdf', label: UI.feedbackPdf, make: async () => { const [r, m] = await Promise.all([record(), feedback()]); return file(r, 'retour', 'pdf', await m.feedbackToPdf(r, options)); } },
        { id: 'feedback-md', label: UI.feedbackMd, make: async () => { const [r, m] = await Promise.all([record(), feedback()]); return file(r, 'retour', 'md', m.feedbackToMarkdown(r, options)); } },
      ]
    : [];
  const sessionActions: Action[] = session
    ? [
        { id: 'session-criteria', label: UI.sessionCriteria, make: async () => ({ blob: toBlob((await csv()).criteriaCsv(await sessionRecords(), options), 'csv'), fileName: exportFileName('synthese-criteres', 'csv', null) }) },
        { id: 'session-blocs', label: UI.sessionBlocs, make: async () => ({ blob: toBlob((await csv()).blocsCsv(await sessionRecords(), options), 'csv'), fileName: exportFileName('synthese-blocs', 'csv', null) }) },
      ]
    : [];
  return { evaluationActions, sessionActions };
}

/**
 * Export buttons: the jury record and the candidate's feedback of an evaluation, and the session
 * summary. Each builds the file from the workspace when clicked and hands it to the browser as
 * a download; progress, the file's name and failures are said in words (status / alert).
 */
export function ExportActions({ db, certifications, evaluationId, session, documentLang = 'fr', download = triggerDownload }: ExportActionsProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  const { evaluationActions, sessionActions } = exportActions(db, certifications, evaluationId, session, { lang: documentLang });

  const run = (action: Action) => {
    if (busy) return;
    const label = ui(action.label);
    setBusy(action.id);
    setError(null);
    setStatus(ui(UI.busy(label)));
    action.make().then(
      ({ blob, fileName }) => {
        download(blob, fileName);
        setBusy(null);
        setStatus(ui(UI.done(fileName)));
      },
      (e: unknown) =>
        void reason(e).then((why) => {
          setBusy(null);
          setStatus('');
          setError(ui(UI.failed(label, why)));
        }),
    );
  };

  const button = (action: Action) => (
    <button key={action.id} type="button" onClick={() => run(action)} disabled={busy !== null} aria-busy={busy === action.id}>
      {ui(action.label)}
    </button>
  );

  return (
    <section className="export-actions" aria-labelledby={headingId} aria-busy={busy !== null}>
      <h3 id={headingId}>{ui(UI.group)}</h3>
      {evaluationActions.length > 0 && (
        <div role="group" aria-label={ui(UI.evaluationGroup)} className="export-buttons">
          {evaluationActions.map(button)}
        </div>
      )}
      {sessionActions.length > 0 && (
        <div role="group" aria-label={ui(UI.sessionGroup)} className="export-buttons">
          {sessionActions.map(button)}
          <p className="hint">{ui(UI.sessionHint)}</p>
        </div>
      )}
      <p role="status" className="export-status">
        {status}
      </p>
      <div role="alert" className="capture-error">
        {error && <p>{error}</p>}
      </div>
    </section>
  );
}
