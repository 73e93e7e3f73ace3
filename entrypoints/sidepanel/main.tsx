import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { ErrorBoundary } from '@/components/error-boundary';
import { SidePanel } from '@/components/side-panel';
import { t } from '@/lib/i18n';
import { bundledCertifications } from '@/lib/referentiels/catalog';
import { workspaceDb } from '@/lib/workspace/db';
import { recoverDrafts } from '@/lib/drafts/recovery';
import './style.css';

// zod compiles validators with new Function when it can; the extension's CSP forbids it.
z.config({ jitless: true });

// The page's language is the one of the message catalogue the browser picked for Grille.
document.documentElement.lang = t('lang');
document.title = t('panelTitle');

// Text typed just before a panel closed or the browser died (its drafts) is saved first.
const db = workspaceDb();
void recoverDrafts(db).catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <SidePanel certifications={bundledCertifications} db={db} />
    </ErrorBoundary>
  </StrictMode>,
);
