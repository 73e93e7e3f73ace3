import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/error-boundary';
import { SidePanel } from '@/components/side-panel';
import { t } from '@/lib/i18n';
import { rememberedSelection } from '@/lib/hooks/use-stored-selection';
import { bundledReferentiels } from '@/lib/referentiels/bundled';
import { workspaceDb } from '@/lib/workspace/db';
import { recoverDrafts } from '@/lib/drafts/recovery';
import './style.css';

// The page's language is the one of the message catalogue the browser picked for Grille.
document.documentElement.lang = t('lang');
document.title = t('panelTitle');

// Text typed just before a panel closed or the browser died (its drafts) is saved first.
const db = workspaceDb();
void recoverDrafts(db).catch(() => undefined);

const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary>
        <SidePanel certifications={bundledReferentiels} db={db} />
      </ErrorBoundary>
    </StrictMode>,
  );

// The certification the juror looked at last is read before the first drawing, which then
// shows its criteria at once; the others load when chosen.
const remembered = rememberedSelection()?.certificationId;
if (remembered && bundledReferentiels.has(remembered)) void bundledReferentiels.load(remembered).then(render, render);
else render();
