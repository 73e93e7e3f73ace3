import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { ErrorBoundary } from '@/components/error-boundary';
import { OptionsPage } from '@/components/options-page';
import { M } from '@/lib/ai/ui-messages';
import { aiOptionsServices } from '@/lib/ai/ui-services';
import { pick, t } from '@/lib/i18n';
import '../sidepanel/style.css';
import './style.css';

// zod compiles validators with new Function when it can; the extension's CSP forbids it.
z.config({ jitless: true });

document.documentElement.lang = t('lang');
document.title = pick(M.optionsTitle);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <OptionsPage services={aiOptionsServices} />
    </ErrorBoundary>
  </StrictMode>,
);
