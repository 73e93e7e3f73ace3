// The durable copy of every free-text field while it is typed (observation, motivation, exemption
// reason, evidence caption, gap text, RGAA comment): one IndexedDB write per keystroke, coalesced,
// so that a browser killed mid-sentence (battery, crash, force-quit) loses at most the last
// ~100 ms. The field's own save (its row, its history) is unchanged and comes after a pause.
//
// Why IndexedDB and not localStorage (measured with bench/kill-probe.mjs, docs/durability.md):
// Chromium 156 killed by SIGKILL kept every IndexedDB transaction that had completed — relaxed or
// strict durability, 0 losses in 60 kills — while localStorage lost the last write in 37 of 40
// kills, writes up to 2.4 s old; Firefox ESR 153 the same way (localStorage flushed late,
// IndexedDB kept). A completed transaction has been handed to the browser's storage process,
// which writes it before the kill can stop it; relaxed durability only skips the fsync, which
// matters for power loss, not for a killed process. Drafts use 'strict' all the same (a battery
// dying is a power loss for the disk cache too): its cost is measured by `npm run bench:typing`.
//
// Drafts live in a database of their own (`<workspace>-drafts`): no workspace query observes
// them, so a keystroke re-renders nothing, and the workspace schema is untouched. Each row names
// the panel page that typed it; a panel holds a Web Lock for its lifetime, so a draft whose panel
// holds no lock was left by a panel that closed or died, and is recovered (recovery.ts).
import Dexie, { type Table } from 'dexie';
import type { WorkspaceDb } from '../workspace/db';

/** The free-text fields drafts are kept for, and what identifies each. */
export type DraftField =
  | { kind: 'observation'; evaluationId: string; criterionId: string }
  | { kind: 'exemption'; evaluationId: string; criterionId: string }
  | { kind: 'decision'; evaluationId: string; targetId: string }
  | { kind: 'rgaa-comment'; evaluationId: string; pageUrl: string; pageTitle: string; criterion: string }
  | { kind: 'gap'; certificationId: string; itemId: string; dataVersion: number }
  | { kind: 'caption'; evaluationId: string; evidenceKey: string };

export interface DraftRow {
  /** fieldKey(ref). */
  field: string;
  /** The panel page that typed it. */
  panel: string;
  ref: DraftField;
  text: string;
  /** The stored text this one was typed from: what a recovery merges against. */
  base: string;
  /** A choice made with the text (the decision picked, « exempte »), for forms saved by a button. */
  choice: string | null;
  who: string | null;
  at: number;
}

export function fieldKey(ref: DraftField): string {
  switch (ref.kind) {
    case 'observation':
    case 'exemption':
      return JSON.stringify([ref.kind, ref.evaluationId, ref.criterionId]);
    case 'decision':
      return JSON.stringify([ref.kind, ref.evaluationId, ref.targetId]);
    case 'rgaa-comment':
      return JSON.stringify([ref.kind, ref.evaluationId, ref.pageUrl, ref.criterion]);
    case 'gap':
      return JSON.stringify([ref.kind, ref.certificationId, ref.itemId]);
    case 'caption':
      return JSON.stringify([ref.kind, ref.evaluationId, ref.evidenceKey]);
  }
}

export class DraftsDb extends Dexie {
  drafts!: Table<DraftRow, [string, string]>;
  /** Every write waits for the disk ('strict', see the header); the benchmark compares 'relaxed'. */
  constructor(name: string, durability: 'strict' | 'relaxed' = 'strict') {
    super(name, { chromeTransactionDurability: durability });
    this.version(1).stores({ drafts: '[field+panel], field' });
  }
}

const draftDbs = new WeakMap<WorkspaceDb, DraftsDb>();

/** The drafts of this workspace database. */
export function draftsOf(db: WorkspaceDb): DraftsDb {
  let drafts = draftDbs.get(db);
  if (!drafts) {
    drafts = new DraftsDb(`${db.name}-drafts`);
    draftDbs.set(db, drafts);
  }
  return drafts;
}

const LOCK_PREFIX = 'grille-panel:';
/** This page's id, held as a Web Lock until the page goes away (or the browser dies). */
export const PANEL_ID: string = crypto.randomUUID();
const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
void locks?.request(LOCK_PREFIX + PANEL_ID, () => new Promise<never>(() => undefined)).catch(() => undefined);

/** Panels alive now (this one included); without Web Locks, only this one is known. */
export async function livePanels(): Promise<Set<string>> {
  const live = new Set([PANEL_ID]);
  const state = await locks?.query().catch(() => null);
  for (const lock of state?.held ?? []) if (lock.name?.startsWith(LOCK_PREFIX)) live.add(lock.name.slice(LOCK_PREFIX.length));
  return live;
}

type Op = { put: DraftRow } | { remove: true };

/**
 * Writes one field's draft as it is typed: one transaction in flight, the newest text written
 * when it completes, so a draft is never older than one transaction (a few ms).
 */
export class DraftWriter {
  private next: Op | null = null;
  private busy: Promise<void> | null = null;
  /** The text of the newest put written or queued (null: none, or removed). */
  private latest: string | null = null;
  private failed: Op | null = null;

  constructor(
    private readonly drafts: DraftsDb,
    readonly ref: DraftField,
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly panel = PANEL_ID,
  ) {}

  write(text: string, base: string, choice: string | null, who: string | null, at = Date.now()): void {
    this.latest = text;
    this.enqueue({ put: { field: fieldKey(this.ref), panel: this.panel, ref: this.ref, text, base, choice, who, at } });
  }

  /** The field's own store now holds `text`: the draft goes, unless newer text was typed since. */
  settle(text: string): void {
    if (this.latest === text) this.discard();
  }

  discard(): void {
    this.latest = null;
    this.enqueue({ remove: true });
  }

  /** Writes again what failed last (a full disk freed since). */
  retry(): void {
    const op = this.failed;
    this.failed = null;
    if (op && !this.next) this.enqueue(op);
  }

  /** Resolves once every queued write is done (tests, the benchmark). */
  async idle(): Promise<void> {
    while (this.busy) await this.busy;
  }

  private enqueue(op: Op) {
    this.next = op;
    this.busy ??= this.pump();
  }

  private async pump() {
    while (this.next) {
      const op = this.next;
      this.next = null;
      try {
        const table = this.drafts.drafts;
        await this.drafts.transaction('rw', table, async () => {
          if ('put' in op) await table.put(op.put);
          else await table.delete([fieldKey(this.ref), this.panel]);
        });
        this.failed = null;
      } catch (e) {
        this.failed = op;
        this.onError(e);
      }
    }
    this.busy = null;
  }
}

/** Every draft, newest last. */
export async function allDrafts(drafts: DraftsDb): Promise<DraftRow[]> {
  return (await drafts.drafts.toArray()).sort((a, b) => a.at - b.at);
}

/**
 * A form's draft left by a panel that closed or died (or by this one): the newest, moved to this
 * panel so that it is not recovered twice. Undefined when there is none.
 */
export async function takeDraft(drafts: DraftsDb, ref: DraftField, live?: Set<string>): Promise<DraftRow | undefined> {
  const alive = live ?? (await livePanels());
  const field = fieldKey(ref);
  return drafts.transaction('rw', drafts.drafts, async () => {
    const rows = (await drafts.drafts.where('field').equals(field).toArray()).filter((r) => r.panel === PANEL_ID || !alive.has(r.panel));
    if (!rows.length) return undefined;
    const newest = rows.reduce((a, b) => (b.at > a.at ? b : a));
    await drafts.drafts.bulkDelete(rows.map((r) => [r.field, r.panel] as [string, string]));
    const mine = { ...newest, panel: PANEL_ID };
    await drafts.drafts.put(mine);
    return mine;
  });
}
