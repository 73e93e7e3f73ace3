import { createContext, useCallback, useContext, useId, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '@/lib/i18n';
import { useSavedText } from '@/lib/hooks/use-saved-text';
import type { WorkspaceDb } from '@/lib/workspace/db';
import { gapTextsOf, looksLikeRncp, RNCP_ITEM_ID, setGapText } from '@/lib/workspace/gap-texts';
import type { GapTextRow } from '@/lib/workspace/types';
import { StorageError } from './storage-error';

interface GapTexts {
  texts: ReadonlyMap<string, GapTextRow>;
  save: (itemId: string, text: string) => Promise<void>;
}

const GapTextsContext = createContext<GapTexts | null>(null);

/** Makes the jury's texts for a certification's lost passages available to the items below. */
export function GapTextsProvider(props: { db: WorkspaceDb; certificationId: string; dataVersion: number; who: string | null; children: ReactNode }) {
  const { db, certificationId, dataVersion, who, children } = props;
  const texts = useLiveQuery(() => gapTextsOf(db, certificationId), [db, certificationId]) ?? new Map<string, GapTextRow>();
  const save = useCallback(
    (itemId: string, text: string) => setGapText(db, { certificationId, itemId, dataVersion, text }, who),
    [db, certificationId, dataVersion, who],
  );
  return <GapTextsContext.Provider value={{ texts, save }}>{children}</GapTextsContext.Provider>;
}

/** A passage lost in conversion: flagged, and a field where the jury can write the text from the official document. */
export function GapText({ itemId }: { itemId: string }) {
  const context = useContext(GapTextsContext);
  const ids = useId();
  const stored = context?.texts.get(itemId)?.text ?? '';
  const field = useSavedText(
    stored,
    useCallback(async (text: string) => context?.save(itemId, text), [context, itemId]),
    useCallback(() => undefined, []),
  );
  if (!context) return <p className="criterion-gap">{t('gapText')}</p>;
  return (
    <div className="gap-fill">
      <label htmlFor={`gap-${ids}`} className="criterion-gap">
        {t('gapText')}
      </label>
      <textarea id={`gap-${ids}`} rows={2} value={field.value} onChange={(e) => field.onChange(e.currentTarget.value)} onBlur={() => void field.flush()} />
      <StorageError error={field.error} onRetry={() => void field.flush()} />
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
  const ids = useId();
  const stored = context?.texts.get(RNCP_ITEM_ID)?.text ?? '';
  const field = useSavedText(
    stored,
    useCallback(async (text: string) => context?.save(RNCP_ITEM_ID, text), [context]),
    useCallback(() => undefined, []),
  );
  if (stated) return <p className="source">{t('rncpStated', stated)}</p>;
  if (!context) return null;
  const odd = field.value.trim() !== '' && !looksLikeRncp(field.value);
  return (
    <div className="rncp-code">
      <label htmlFor={`rncp-${ids}`}>{t('rncpEntered')}</label>
      <input
        id={`rncp-${ids}`}
        value={field.value}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={odd ? `rncp-hint-${ids}` : undefined}
        onChange={(e) => field.onChange(e.currentTarget.value)}
        onBlur={() => void field.flush()}
      />
      {odd && (
        <p id={`rncp-hint-${ids}`} className="hint">
          {t('rncpShape')}
        </p>
      )}
      <StorageError error={field.error} onRetry={() => void field.flush()} />
    </div>
  );
}
