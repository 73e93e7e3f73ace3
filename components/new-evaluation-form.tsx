import { useId, useState, type Dispatch, type SetStateAction } from 'react';
import { t } from '@/lib/i18n';
import type { DeliverableDetection } from '@/lib/page/detect-deliverable';
import type { DeliverableTab } from '@/lib/page/active-deliverable';
import type { CertificationSummary } from '@/lib/referentiels/summary';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { createEvaluation } from '@/lib/workspace/evaluations';
import type { EvaluationMode } from '@/lib/workspace/types';
import { StorageError } from './storage-error';

interface Props {
  db: WorkspaceDb;
  certifications: readonly CertificationSummary[];
  initialCertificationId: string | null;
  tab: DeliverableTab | null;
  detection: DeliverableDetection | null;
  deliverableLabel: string | null;
  onCreated: (evaluationId: string, juror: string | null) => void;
  onCancel: () => void;
}

interface JurorField {
  key: number;
  name: string;
  external: boolean;
}

/** A new evaluation: candidate, certification and blocs, mode, jury members, the current tab as deliverable. */
export function NewEvaluationForm({ db, certifications, initialCertificationId, tab, detection, deliverableLabel, onCreated, onCancel }: Props) {
  const ids = useId();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [certificationId, setCertificationId] = useState(initialCertificationId ?? certifications[0]?.id ?? '');
  const certification = certifications.find((c) => c.id === certificationId);
  const [blocIds, setBlocIds] = useState<string[]>(certification ? [certification.blocs[0]!.id] : []);
  const [mode, setMode] = useState<EvaluationMode>('jury');
  const [jurors, setJurors] = useState<JurorField[]>([{ key: 0, name: '', external: true }]);
  const [withTab, setWithTab] = useState(!!tab);
  const [error, setError] = useState<unknown>(null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!certification) return;
    const firstJuror = jurors.find((j) => j.name.trim())?.name.trim() ?? null;
    createEvaluation(
      db,
      {
        candidateName: name,
        candidateEmail: email,
        certificationId,
        referentielVersion: certification.dataVersion,
        blocIds: certification.blocs.filter((b) => blocIds.includes(b.id)).map((b) => b.id),
        mode,
        jurors,
        deliverables: withTab && tab ? [{ url: tab.url, kind: detection?.platform ?? 'website', label: deliverableLabel ?? tab.title }] : [],
      },
      firstJuror,
    ).then((id) => onCreated(id, firstJuror), setError);
  };

  return (
    <form className="new-evaluation" onSubmit={submit} aria-labelledby={`new-${ids}`}>
      <h2 id={`new-${ids}`}>{t('newEvaluation')}</h2>
      <label htmlFor={`name-${ids}`}>{t('candidateName')}</label>
      <input id={`name-${ids}`} value={name} required autoComplete="off" onChange={(e) => setName(e.currentTarget.value)} />
      <label htmlFor={`email-${ids}`}>{t('candidateEmail')}</label>
      <input id={`email-${ids}`} type="email" value={email} autoComplete="off" onChange={(e) => setEmail(e.currentTarget.value)} />
      <label htmlFor={`cert-${ids}`}>{t('certification')}</label>
      <select
        id={`cert-${ids}`}
        value={certificationId}
        onChange={(e) => {
          const next = certifications.find((c) => c.id === e.currentTarget.value);
          setCertificationId(e.currentTarget.value);
          setBlocIds(next ? [next.blocs[0]!.id] : []);
        }}
      >
        {certifications.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
      {certification && <BlocChoice certification={certification} blocIds={blocIds} onChange={setBlocIds} />}
      <ModeChoice ids={ids} mode={mode} onChange={setMode} />
      <JurorFields ids={ids} mode={mode} jurors={jurors} onChange={setJurors} />
      {tab && (
        <label className="check">
          <input type="checkbox" checked={withTab} onChange={(e) => setWithTab(e.currentTarget.checked)} /> {t('addTabAsDeliverable', deliverableLabel ?? tab.title, tab.url)}
        </label>
      )}
      <StorageError error={error} />
      <div className="actions">
        <button type="submit" disabled={!name.trim() || blocIds.length === 0}>
          {t('createEvaluation')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** The blocs to evaluate, as checkboxes. */
function BlocChoice({ certification, blocIds, onChange }: { certification: CertificationSummary; blocIds: string[]; onChange: Dispatch<SetStateAction<string[]>> }) {
  return (
    <fieldset>
      <legend>{t('blocsToEvaluate')}</legend>
      {certification.blocs.map((b) => (
        <label key={b.id} className="check">
          <input
            type="checkbox"
            checked={blocIds.includes(b.id)}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              onChange((ids) => (checked ? [...ids, b.id] : ids.filter((x) => x !== b.id)));
            }}
          />{' '}
          {t('blocLabel', b.code, b.title)}
          {b.optional ? ` (${t('blocOption')})` : ''}
        </label>
      ))}
    </fieldset>
  );
}

/** A jury's evaluation or a tutor's pre-review. */
function ModeChoice({ ids, mode, onChange }: { ids: string; mode: EvaluationMode; onChange: (mode: EvaluationMode) => void }) {
  return (
    <fieldset>
      <legend>{t('modeLegend')}</legend>
      {(['jury', 'tuteur'] as const).map((m) => (
        <label key={m} className="check">
          <input type="radio" name={`mode-${ids}`} value={m} checked={mode === m} onChange={() => onChange(m)} /> {t(`modeLong_${m}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** The jury members (or tutors), each external or not, and a button to add one. */
function JurorFields({ ids, mode, jurors, onChange }: { ids: string; mode: EvaluationMode; jurors: JurorField[]; onChange: Dispatch<SetStateAction<JurorField[]>> }) {
  const update = (key: number, patch: Partial<JurorField>) => onChange((all) => all.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  return (
    <fieldset>
      <legend>{mode === 'jury' ? t('juryMembers') : t('tutors')}</legend>
      {jurors.map((j, i) => (
        <div key={j.key} className="juror-row">
          <label htmlFor={`juror-${ids}-${j.key}`}>{t('jurorName', String(i + 1))}</label>
          <input id={`juror-${ids}-${j.key}`} value={j.name} autoComplete="off" onChange={(e) => update(j.key, { name: e.currentTarget.value })} />
          {mode === 'jury' && (
            <label className="check">
              <input type="checkbox" checked={j.external} onChange={(e) => update(j.key, { external: e.currentTarget.checked })} />{' '}
              {t('jurorExternal')}
            </label>
          )}
        </div>
      ))}
      <button type="button" onClick={() => onChange((all) => [...all, { key: Date.now(), name: '', external: false }])}>
        {mode === 'jury' ? t('addJuror') : t('addTutor')}
      </button>
    </fieldset>
  );
}
