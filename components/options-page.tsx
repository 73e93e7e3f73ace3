import { M } from '@/lib/ai/ui-messages';
import type { AiOptionsServices } from '@/lib/ai/ui-services';
import { pick } from '@/lib/i18n';
import { OptionsAiForm } from './options-ai-form';

/** Grille's options page: the AI endpoint, and what happens to the key and the page's text. */
export function OptionsPage({ services }: { services: AiOptionsServices }) {
  return (
    <main className="panel options">
      <h1>{pick(M.optionsHeading)}</h1>
      <p>{pick(M.optionsIntro)}</p>
      <ul className="options-privacy">
        {M.optionsPrivacy.map((line, i) => (
          <li key={i}>{pick(line)}</li>
        ))}
      </ul>
      <OptionsAiForm services={services} />
    </main>
  );
}
