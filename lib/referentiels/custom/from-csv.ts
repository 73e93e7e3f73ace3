// A certification from the CSV template (docs/examples/referentiel-template.csv): one row per
// criterion, blocs and competencies named by their codes. Every problem is reported with its
// line and column; the result is then checked against the same schema as the bundled data.
//
// Ids are derived, stable and opaque (never from wording): the certification id, then
//   bloc        <certification_id>-b-<bloc code>                    (or the bloc_id column)
//   competency  <bloc id>-c-<competency code>
//   criterion   <bloc id>-k<position in the bloc, 001…>             (or the criterion_id column)
//   evaluation  <bloc id>-e<n>, one per distinct modality + production, in order
// codes folded to lower-case ASCII with dashes (« C1.2 » → « c1-2 », « 5 - Option 1 » → « 5-option-1 »).
// A criterion id by position moves if a criterion is inserted before it: to keep ids across
// versions, fill criterion_id (evaluations store criterion ids).
import { foldForSearch } from '../../text/normalize';
import { Certification, DELIVERABLE_KINDS, TOPICS, type Bloc, type Competency, type Criterion, type Evaluation } from '../schema';
import { formatIssues } from '../../text/file-errors';
import { parseCsv, type CsvRecord } from './csv';
import { ReferentielImportError } from './errors';

export const REQUIRED_COLUMNS = ['certification_id', 'certification_title', 'bloc_code', 'bloc_title', 'modality', 'criterion_text', 'deliverable_kinds', 'topics'] as const;
export const OPTIONAL_COLUMNS = [
  'rncp_code',
  'data_version',
  'disability_provisions',
  'structure_note',
  'bloc_id',
  'bloc_optional',
  'competency_code',
  'competency_text',
  'production',
  'criterion_id',
  'criterion_heading',
] as const;
export type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_PROBLEMS = 50;

export function codeSlug(code: string): string {
  return (
    foldForSearch(code)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

const split = (value: string) =>
  value
    .split('|')
    .map((v) => v.trim())
    .filter(Boolean);

const YES = new Set(['oui', 'yes', 'true', 'vrai', '1', 'x', 'optionnel', 'option']);
const NO = new Set(['', 'non', 'no', 'false', 'faux', '0']);

interface Row {
  line: number;
  get(column: Column): string;
}

interface BlocDraft {
  code: string;
  firstLine: number;
  id: string;
  title: string;
  optional: boolean;
  competencies: { code: string; text: string; line: number }[];
  criteria: { line: number; id: string | null; text: string; heading: string | null; codes: string[]; kinds: string[]; topics: string[] }[];
  /** Evaluations in order: modality + production, and the competency codes they cover (null: the whole bloc). */
  evaluations: { modality: string; production: string; codes: Set<string> | null }[];
}

type Fail = (line: number | null, column: string | null, message: string) => void;

/** Collects problems (at most MAX_PROBLEMS), each naming its line and column. */
function problemList(): { problems: string[]; fail: Fail } {
  const problems: string[] = [];
  const fail: Fail = (line, column, message) => {
    if (problems.length < MAX_PROBLEMS) problems.push(`${line ? `ligne ${line}` : 'en-tête'}${column ? `, colonne ${column}` : ''} : ${message}`);
  };
  return { problems, fail };
}

/** The template's rows by column name; throws when a required column is missing or there is no row. */
function readRows(text: string, fail: Fail): Row[] {
  const table = parseCsv(text);
  const index = new Map(table.header.map((h, i) => [h.replace(/^\uFEFF/, ''), i]));
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length)
    throw new ReferentielImportError([
      `en-tête : colonne${missing.length > 1 ? 's' : ''} manquante${missing.length > 1 ? 's' : ''} : ${missing.join(', ')} (séparateur lu : « ${table.delimiter} »). Partez du modèle docs/examples/referentiel-template.csv.`,
    ]);
  const known = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);
  for (const h of table.header) if (h && !known.has(h)) fail(null, h, 'colonne inconnue (vérifiez son nom)');
  if (!table.records.length) throw new ReferentielImportError(['Le fichier ne contient que l’en-tête : aucun critère.']);
  return table.records.map((r: CsvRecord) => ({ line: r.line, get: (c) => (r.cells[index.get(c) ?? -1] ?? '').trim() }));
}

interface Stated {
  value: string;
  line: number;
}

interface CertificationColumns {
  id: string;
  title: Stated | null;
  rncp: Stated | null;
  dataVersion: number;
  disability: Stated | null;
  structure: Stated | null;
}

/** Certification-level columns: the same on every row where they are filled. */
function readCertificationColumns(rows: Row[], fail: Fail): CertificationColumns {
  const certificationValue = (column: Column): Stated | null => {
    let found: Stated | null = null;
    for (const row of rows) {
      const value = row.get(column);
      if (!value) continue;
      if (!found) found = { value, line: row.line };
      else if (value !== found.value) fail(row.line, column, `« ${value} » diffère de la ligne ${found.line} (« ${found.value} ») : un fichier décrit une seule certification`);
    }
    return found;
  };
  const id = certificationValue('certification_id');
  const title = certificationValue('certification_title');
  const rncp = certificationValue('rncp_code');
  const version = certificationValue('data_version');
  const disability = certificationValue('disability_provisions');
  const structure = certificationValue('structure_note');
  if (!id) fail(rows[0]!.line, 'certification_id', 'identifiant de la certification manquant');
  else if (!ID.test(id.value)) fail(id.line, 'certification_id', `« ${id.value} » n'est pas un identifiant valide (minuscules sans accents, chiffres et tirets, ex. bachelor-communication-digitale)`);
  if (!title) fail(rows[0]!.line, 'certification_title', 'titre de la certification manquant');
  let dataVersion = 1;
  if (version) {
    dataVersion = Number(version.value);
    if (!Number.isInteger(dataVersion) || dataVersion < 1) fail(version.line, 'data_version', `« ${version.value} » n'est pas un numéro de version (entier à partir de 1)`);
  }
  return { id: id?.value ?? 'x', title, rncp, dataVersion, disability, structure };
}

/** The row's bloc, created on its first row; null when the row names none. */
function blocOfRow(row: Row, blocs: Map<string, BlocDraft>, usedBlocIds: Set<string>, certId: string, fail: Fail): BlocDraft | null {
  const code = row.get('bloc_code');
  if (!code) {
    fail(row.line, 'bloc_code', 'code du bloc manquant');
    return null;
  }
  let bloc = blocs.get(code);
  const blocTitle = row.get('bloc_title');
  const optional = row.get('bloc_optional').toLowerCase();
  if (!bloc) {
    let blocId = row.get('bloc_id') || `${certId}-b-${codeSlug(code)}`;
    if (row.get('bloc_id') && !ID.test(blocId)) fail(row.line, 'bloc_id', `« ${blocId} » n'est pas un identifiant valide (minuscules, chiffres et tirets)`);
    for (let n = 2; usedBlocIds.has(blocId); n++) blocId = `${certId}-b-${codeSlug(code)}-${n}`;
    usedBlocIds.add(blocId);
    if (!blocTitle) fail(row.line, 'bloc_title', `titre du bloc ${code} manquant`);
    bloc = { code, firstLine: row.line, id: blocId, title: blocTitle, optional: false, competencies: [], criteria: [], evaluations: [] };
    blocs.set(code, bloc);
  } else if (blocTitle && blocTitle !== bloc.title) {
    fail(row.line, 'bloc_title', `« ${blocTitle} » diffère du titre du bloc ${code} donné ligne ${bloc.firstLine}`);
  }
  if (YES.has(optional)) bloc.optional = true;
  else if (!NO.has(optional)) fail(row.line, 'bloc_optional', `« ${row.get('bloc_optional')} » : attendu oui ou non`);
  return bloc;
}

/** Competencies, by code; their text may be given on any one row where the code stands alone. Returns the row's codes. */
function addCompetencies(row: Row, bloc: BlocDraft, fail: Fail): string[] {
  const codes = split(row.get('competency_code'));
  const competencyText = row.get('competency_text');
  if (competencyText && codes.length !== 1) fail(row.line, 'competency_text', 'un texte de compétence va avec un seul code dans competency_code');
  for (const c of codes) {
    let competency = bloc.competencies.find((k) => k.code === c);
    if (!competency) {
      competency = { code: c, text: '', line: row.line };
      bloc.competencies.push(competency);
    }
    if (codes.length === 1 && competencyText) {
      if (competency.text && competency.text !== competencyText) fail(row.line, 'competency_text', `texte différent de celui de la compétence ${c} donné plus haut`);
      competency.text ||= competencyText;
    }
  }
  return codes;
}

/** The evaluation modality: rows without one belong to the bloc's first. */
function addEvaluation(row: Row, bloc: BlocDraft, codes: string[], fail: Fail): void {
  const modality = row.get('modality');
  const production = row.get('production');
  if (!modality && production) fail(row.line, 'modality', 'indiquez la modalité d’évaluation de cette production');
  let evaluation = modality ? bloc.evaluations.find((e) => e.modality === modality && e.production === production) : bloc.evaluations[0];
  if (!evaluation && modality) {
    evaluation = { modality, production, codes: new Set() };
    bloc.evaluations.push(evaluation);
  }
  if (evaluation) {
    if (!codes.length) evaluation.codes = null;
    else for (const c of codes) evaluation.codes?.add(c);
  }
}

function addCriterion(row: Row, bloc: BlocDraft, codes: string[], fail: Fail): void {
  const criterionText = row.get('criterion_text');
  if (!criterionText) {
    // A row without a criterion only declares a competency.
    if (!codes.length || !row.get('competency_text')) fail(row.line, 'criterion_text', 'texte du critère manquant');
    return;
  }
  const kinds = split(row.get('deliverable_kinds'));
  const topics = split(row.get('topics'));
  if (!kinds.length) fail(row.line, 'deliverable_kinds', `au moins un type de livrable (séparés par |) parmi : ${DELIVERABLE_KINDS.join(', ')}`);
  for (const k of kinds) if (!(DELIVERABLE_KINDS as readonly string[]).includes(k)) fail(row.line, 'deliverable_kinds', `« ${k} » n'est pas un type de livrable connu (types : ${DELIVERABLE_KINDS.join(', ')})`);
  if (!topics.length) fail(row.line, 'topics', `au moins un thème (séparés par |) parmi : ${TOPICS.join(', ')}`);
  for (const t of topics) if (!(TOPICS as readonly string[]).includes(t)) fail(row.line, 'topics', `« ${t} » n'est pas un thème connu (thèmes : ${TOPICS.join(', ')})`);
  const criterionId = row.get('criterion_id');
  if (criterionId && !ID.test(criterionId)) fail(row.line, 'criterion_id', `« ${criterionId} » n'est pas un identifiant valide (minuscules, chiffres et tirets)`);
  bloc.criteria.push({ line: row.line, id: criterionId || null, text: criterionText, heading: row.get('criterion_heading') || null, codes, kinds, topics });
}

/** The blocs, in the order of their first row, each checked for an evaluation, a competency and a criterion. */
function readBlocs(rows: Row[], certId: string, fail: Fail): BlocDraft[] {
  const blocs = new Map<string, BlocDraft>();
  const usedBlocIds = new Set<string>();
  for (const row of rows) {
    const bloc = blocOfRow(row, blocs, usedBlocIds, certId, fail);
    if (!bloc) continue;
    const codes = addCompetencies(row, bloc, fail);
    addEvaluation(row, bloc, codes, fail);
    addCriterion(row, bloc, codes, fail);
  }
  for (const bloc of blocs.values()) {
    if (!bloc.evaluations.length) fail(bloc.firstLine, 'modality', `le bloc ${bloc.code} n'a aucune modalité d'évaluation`);
    if (!bloc.competencies.length) fail(bloc.firstLine, 'competency_code', `le bloc ${bloc.code} n'a aucune compétence`);
    if (!bloc.criteria.length) fail(bloc.firstLine, 'criterion_text', `le bloc ${bloc.code} n'a aucun critère`);
    for (const c of bloc.competencies) if (!c.text) fail(c.line, 'competency_text', `texte de la compétence ${c.code} manquant (donnez-le sur une ligne où ce code est seul)`);
  }
  return [...blocs.values()];
}

/** A bloc draft as the schema has it, with derived ids. */
function toBloc(b: BlocDraft): Bloc {
  const competencyId = new Map<string, string>();
  const competencies = b.competencies.map((c): Competency => {
    let cid = `${b.id}-c-${codeSlug(c.code)}`;
    for (let n = 2; [...competencyId.values()].includes(cid); n++) cid = `${b.id}-c-${codeSlug(c.code)}-${n}`;
    competencyId.set(c.code, cid);
    return { id: cid, code: c.code, codeSource: 'printed', text: c.text, gap: false, activityIds: [] };
  });
  const order = (codes: Iterable<string>) => b.competencies.filter((c) => [...codes].includes(c.code)).map((c) => competencyId.get(c.code)!);
  const evaluations = b.evaluations.map(
    (e, i): Evaluation => ({ id: `${b.id}-e${i + 1}`, competencyIds: b.evaluations.length === 1 || e.codes === null ? [] : order(e.codes), modality: e.modality, production: e.production }),
  );
  const criteria = b.criteria.map((c, i): Criterion => {
    const ids = c.codes.map((code) => competencyId.get(code)!);
    return {
      id: c.id ?? `${b.id}-k${String(i + 1).padStart(3, '0')}`,
      text: c.text,
      gap: false,
      heading: c.heading,
      scope: ids.length === 0 ? { type: 'bloc', competencyIds: [] } : ids.length === 1 ? { type: 'competency', competencyIds: ids } : { type: 'competencies', competencyIds: ids },
      deliverableKinds: c.kinds as Criterion['deliverableKinds'],
      topics: c.topics as Criterion['topics'],
    };
  });
  return {
    id: b.id,
    code: b.code,
    codeSource: 'printed',
    title: b.title,
    optional: b.optional,
    evaluations,
    declared: { competencyRange: null, competencyCount: null, note: null },
    activities: [],
    competencies,
    criteria,
  };
}

/** Parses the template; throws a ReferentielImportError listing every problem. */
export function certificationFromCsv(text: string, sourceFile: string): Certification {
  const { problems, fail } = problemList();
  const rows = readRows(text, fail);
  const columns = readCertificationColumns(rows, fail);
  const blocs = readBlocs(rows, columns.id, fail);
  if (problems.length) throw new ReferentielImportError(problems);

  const certification = {
    id: columns.id,
    title: columns.title!.value,
    titleSource: 'stated' as const,
    rncp: columns.rncp?.value ?? null,
    sourceFile,
    dataVersion: columns.dataVersion,
    disabilityProvisions: columns.disability?.value ?? null,
    structureNote: columns.structure?.value ?? null,
    blocs: blocs.map(toBloc),
  };
  const parsed = Certification.safeParse(certification);
  if (!parsed.success) {
    // Lines of each bloc and criterion, to name them when the schema refuses something.
    const lines = blocs.map((b) => ({ bloc: b.firstLine, criteria: b.criteria.map((c) => c.line) }));
    throw new ReferentielImportError(
      parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => {
        const [, b, kind, i] = issue.path;
        const where = typeof b === 'number' ? (kind === 'criteria' && typeof i === 'number' ? lines[b]?.criteria[i] : lines[b]?.bloc) : undefined;
        const [text] = formatIssues([issue], certification);
        return where ? `ligne ${where} : ${text}` : text!;
      }),
    );
  }
  return parsed.data;
}
