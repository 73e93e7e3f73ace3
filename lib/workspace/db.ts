// The jury workspace database (IndexedDB through Dexie), opened only from extension pages:
// a content script's IndexedDB belongs to the visited site.
//
// Versions are append-only: a version, once released, is never edited. A new one adds its
// stores and an upgrade in lib/workspace/upgrades/vN.ts, self-contained (it must not import
// today's types), and a test in tests/unit/workspace/upgrades/vN.test.ts that seeds the
// previous version and checks nothing is lost (tests/unit/workspace/db.test.ts enforces it).
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { AssessmentRow, CandidateRow, DecisionRow, EvaluationRow, EvidenceRow, GapTextRow, HistoryRow, RgaaAuditRow, CustomReferentielRow, AiSuggestionRow } from './types';

export const DB_NAME = 'grille-workspace';

/** Every version's stores, in order; index only what is queried. */
export const SCHEMA_VERSIONS: readonly { version: number; stores: Record<string, string> }[] = [
  {
    version: 1,
    stores: {
      candidates: 'id, name, updatedAt',
      evaluations: 'id, candidateId, updatedAt',
      assessments: '[evaluationId+criterionId], evaluationId, *words',
      evidence: 'id, evaluationId, *criterionIds',
      decisions: '[evaluationId+targetId], evaluationId',
      history: '++seq, evaluationId, [evaluationId+entityId]',
    },
  },
  {
    // Adds stores only (no data to move): the jury's texts for passages lost in conversion,
    // RGAA grids (one per evaluation and audited page), référentiels a school imported (every
    // version kept: evaluations keep the version they were made with), and AI suggestions with
    // what the juror did with them.
    version: 2,
    stores: {
      gapTexts: '[certificationId+itemId], certificationId',
      rgaaAudits: 'id, evaluationId, [evaluationId+pageUrl]',
      customReferentiels: '[id+dataVersion], id',
      aiSuggestions: 'id, evaluationId, [evaluationId+criterionId]',
    },
  },
];

export class WorkspaceDb extends Dexie {
  candidates!: EntityTable<CandidateRow, 'id'>;
  evaluations!: EntityTable<EvaluationRow, 'id'>;
  assessments!: Table<AssessmentRow, [string, string]>;
  evidence!: EntityTable<EvidenceRow, 'id'>;
  decisions!: Table<DecisionRow, [string, string]>;
  history!: EntityTable<HistoryRow, 'seq'>;
  gapTexts!: Table<GapTextRow, [string, string]>;
  rgaaAudits!: EntityTable<RgaaAuditRow, 'id'>;
  customReferentiels!: Table<CustomReferentielRow, [string, number]>;
  aiSuggestions!: EntityTable<AiSuggestionRow, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    for (const { version, stores } of SCHEMA_VERSIONS) this.version(version).stores(stores);
  }
}

let shared: WorkspaceDb | null = null;

/** The one database of this extension page. */
export function workspaceDb(): WorkspaceDb {
  shared ??= new WorkspaceDb();
  return shared;
}
