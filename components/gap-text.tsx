import { createContext, useCallback, useContext, useId, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '@/lib/i18n';
import { useSavedText } from '@/lib/hooks/use-saved-text';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { draftsOf, type DraftField, type DraftsDb } from '@/lib/drafts/store';
import { gapTextsOf, looksLikeRncp, RNCP_ITEM_ID, setGapText } from '@/lib/workspace/gap-texts';
import type { GapTextRow } from '@/lib/workspace/types';
import { StorageError } from './storage-error';

interface GapTexts {
  texts: ReadonlyMap<string, GapTextRow>;
  /** Resolves to the text now stored (merged with another panel's, see useSavedText). */
  save: (itemId: string, text: string, base: string) => Promise<string>;
  drafts: DraftsDb;
  field: (itemId: string) => DraftField;
  who: string | null;
}

const GapTextsContext = createContext<GapTexts | null>(null);

/** Makes the jury's texts for a certification's lost passages available to the items below. */
export function GapTextsProvider(props: { db: WorkspaceDb; certificationId: string; dataVersion: number; who: string | null; children: ReactNode }) {
  const { db, certificationId, dataVersion, who, children } = props;
  const texts = useLiveQuery(() => gapTextsOf(db, certificationId), [db, certificationId]) ?? new Map<string, GapTextRow>();
  const save = useCallback(
    (itemId: string, text: string, base: string) => setGapText(db, { certificationId, itemId, dataVersion, text }, who, Date.now(), base),
    [db, certificationId, dataVersion, who],
  );
  const field = useCallback((itemId: string): DraftField => ({ kind: 'gap', certificationId, itemId, dataVersion }), [certificationId, dataVersion]);
  return <GapTextsContext.Provider value={{ texts, save, drafts: draftsOf(db), field, who }}>{children}</GapTextsContext.Provider>;
}

/** A passage lost in conversion: flagged, and a field where the jury can write the text from the official document. */
export function GapText({ itemId }: { itemId: string }) {
  const context = useContext(GapTextsContext);
  const ids = useId();
  const stored = context?.texts.get(itemId)?.text ?? '';
  if (!context) return <p className="criterion-gap">{t('gapText')}</p>;
  return <GapTextField context={context} itemId={itemId} stored={stored} id={`gap-${ids}`} />;
}

function GapTextField({ context, itemId, stored, id }: { context: GapTexts; itemId: string; stored: string; id: string }) {
  const { save } = context;
  const field = useSavedText({
    stored,
    save: useCallback((text: string, base: string) => save(itemId, text, base), [save, itemId]),
    drafts: context.drafts,
    field: context.field(itemId),
    who: context.who,
  });
  return (
    <div className="gap-fill">
      <label htmlFor={id} className="criterion-gap">
        {t('gapText')}
      </label>
      <textarea
        id={id}
        ref={field.ref}
        rows={2}
        value={field.value}
        onChange={(e) => field.onChange(e.currentTarget.value)}
        onFocus={field.onFocus}
        onBlur={() => void field.onBlur()}
      />
      <StorageError error={field.error} onRetry={field.retry} />
    </div>
  );
}

/**
 * The certification's RNCP code: the référentiel's own when it states one; otherwise a field where
 * the jury enters it (kept with the jury's other texts for this certification, printed on the
 * record as entered by the jury). A code of an unusual shape is kept as typed, with a hint.
 */
export function RncpCode({ stated }: { stated: string | null }) {
  const context = useContext(GapTextsContext);
  if (stated) return <p className="source">{t('rncpStated', stated)}</p>;
  if (!context) return null;
  return <RncpField context={context} stored={context.texts.get(RNCP_ITEM_ID)?.text ?? ''} />;
}

function RncpField({ context, stored }: { context: GapTexts; stored: string }) {
  const ids = useId();
  const { save } = context;
  const field = useSavedText({
    stored,
    save: useCallback((text: string, base: string) => save(RNCP_ITEM_ID, text, base), [save]),
    drafts: context.drafts,
    field: context.field(RNCP_ITEM_ID),
    who: context.who,
  });
  const odd = field.value.trim() !== '' && !looksLikeRncp(field.value);
  return (
    <div className="rncp-code">
      <label htmlFor={`rncp-${ids}`}>{t('rncpEntered')}</label>
      <input
        id={`rncp-${ids}`}
        ref={field.ref}
        value={field.value}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={odd ? `rncp-hint-${ids}` : undefined}
        onChange={(e) => field.onChange(e.currentTarget.value)}
        onFocus={field.onFocus}
        onBlur={() => void field.onBlur()}
      />
      {odd && (
        <p id={`rncp-hint-${ids}`} className="hint">
          {t('rncpShape')}
        </p>
      )}
      <StorageError error={field.error} onRetry={field.retry} />
    </div>
  );
}
