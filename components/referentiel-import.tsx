import { useId, useState, type ChangeEvent } from 'react';
import { F, M, pick } from '@/lib/export/backup-messages';
import { ReferentielImportError } from '@/lib/referentiels/custom/errors';
import { previewCertification } from '@/lib/referentiels/custom/preview';
import type { Certification } from '@/lib/referentiels/schema';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { storageErrorMessage } from '@/lib/workspace/errors';

interface Props {
  db: WorkspaceDb;
  /** Bundled certifications (defaults to Grille's): their ids cannot be taken. */
  bundled?: readonly Certification[];
  onImported?: (certification: Certification) => void;
}

// Reading and storing a file (zod, the CSV reader, every bundled référentiel to compare with) load on
// the first file chosen, not with the panel.
const custom = () => import('@/lib/referentiels/custom');
const storage = () => import('@/lib/workspace/custom-referentiels');

const problemsOf = (error: unknown): readonly string[] => (error instanceof ReferentielImportError ? error.problems : [storageErrorMessage(error, { kept: false })]);

/** A school's own référentiel, from JSON or the CSV template: preview, then import. */
export function ReferentielImport({ db, bundled, onImported }: Props) {
  const ids = useId();
  const [candidate, setCandidate] = useState<{ certification: Certification; fileName: string } | null>(null);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    setCandidate(null);
    setProblems([]);
    setStatus(null);
    if (!file) return;
    setBusy(true);
    try {
      const { certification } = await (await custom()).readReferentielFile(file);
      setCandidate({ certification, fileName: file.name });
    } catch (error) {
      setProblems(problemsOf(error));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!candidate) return;
    setBusy(true);
    setProblems([]);
    try {
      const { certification } = candidate;
      const result = await (await storage()).saveCustomReferentiel(db, certification, candidate.fileName, { bundled });
      setStatus(
        pick(
          result.status === 'added'
            ? F.referentielAdded(certification.title, certification.dataVersion, result.previousVersions)
            : F.referentielUnchanged(certification.title, certification.dataVersion),
        ),
      );
      setCandidate(null);
      onImported?.(certification);
    } catch (error) {
      setProblems(problemsOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="referentiel-import" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{pick(M.referentielTitle)}</h2>
      <p className="hint">{pick(M.referentielHelp)}</p>
      <label htmlFor={`${ids}-file`}>{pick(M.referentielFile)}</label>
      <input id={`${ids}-file`} type="file" accept=".json,.csv,application/json,text/csv" disabled={busy} onChange={(e) => void choose(e)} />

      {candidate && <ReferentielPreview id={`${ids}-preview`} certification={candidate.certification} busy={busy} onConfirm={() => void confirm()} onCancel={() => setCandidate(null)} />}

      {status && <p role="status">{status}</p>}
      {problems.length > 0 && (
        <div role="alert" className="error">
          <p>{pick(M.referentielErrors)}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

interface PreviewProps {
  id: string;
  certification: Certification;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** What the file holds (title, ids, totals, blocs), and « Importer ». */
function ReferentielPreview({ id, certification, busy, onConfirm, onCancel }: PreviewProps) {
  const preview = previewCertification(certification);
  return (
    <div role="group" aria-labelledby={id} className="referentiel-preview">
      <h3 id={id}>{preview.title}</h3>
      <p>{pick(F.referentielSummary(preview.id, preview.dataVersion, preview.rncp))}</p>
      <p>{pick(F.referentielTotals(preview.totals.blocs, preview.totals.competencies, preview.totals.criteria))}</p>
      <ul>
        {preview.blocs.map((b) => (
          <li key={b.code}>{pick(F.referentielBloc(b.code, b.title, b.competencies, b.criteria, b.optional))}</li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" disabled={busy} onClick={onConfirm}>
          {pick(M.referentielImport)}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {pick(M.cancel)}
        </button>
      </div>
    </div>
  );
}
