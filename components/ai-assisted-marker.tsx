import { M } from '@/lib/ai/ui-messages';
import { pick } from '@/lib/i18n';

/** « (rédigée avec l'aide de l'IA) » beside an observation holding text accepted or edited from an AI suggestion. */
export function AiAssistedMarker({ aiAssisted }: { aiAssisted: boolean | undefined }) {
  if (!aiAssisted) return null;
  return <span className="ai-assisted hint"> ({pick(M.aiAssisted)})</span>;
}
