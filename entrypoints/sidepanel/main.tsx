import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SidePanel } from '@/components/side-panel';
import { t } from '@/lib/i18n';
import { bundledCertifications } from '@/lib/referentiels/catalog';
import './style.css';

// The page's language is the one of the message catalogue the browser picked for Grille.
document.documentElement.lang = t('lang');
document.title = t('panelTitle');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SidePanel certifications={bundledCertifications} />
  </StrictMode>,
);
