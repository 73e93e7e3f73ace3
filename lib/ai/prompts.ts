// The prompts shipped with Grille: prompts/*.md, bundled as raw text at build time and parsed
// once. A prompt is picked by mode (jury, tuteur); its id and version are stored with every
// suggestion it produced.
import { isOutputSchemaName } from './schemas';
import { parsePrompt, PromptError, type PromptMode, type PromptTemplate } from './render-prompt';

const sources = import.meta.glob<string>('../../prompts/*.md', { query: '?raw', import: 'default', eager: true });

function load(): PromptTemplate[] {
  const prompts: PromptTemplate[] = [];
  for (const [path, source] of Object.entries(sources)) {
    if (path.endsWith('/README.md')) continue;
    const prompt = parsePrompt(source);
    const file = path.slice(path.lastIndexOf('/') + 1, -'.md'.length);
    if (file !== prompt.meta.id) throw new PromptError(`${path} : l'id (${prompt.meta.id}) doit être le nom du fichier`);
    if (!isOutputSchemaName(prompt.meta.schema)) throw new PromptError(`${path} : schéma inconnu (${prompt.meta.schema})`);
    prompts.push(prompt);
  }
  return prompts.sort((a, b) => a.meta.id.localeCompare(b.meta.id));
}

/** Every bundled prompt, by id. */
export const PROMPTS: readonly PromptTemplate[] = load();

export function promptById(id: string): PromptTemplate | undefined {
  return PROMPTS.find((p) => p.meta.id === id);
}

/** The observations prompt for a mode: the jury's (neutral) or the tutor's (formative). */
export function promptForMode(mode: PromptMode): PromptTemplate {
  const prompt = PROMPTS.find((p) => p.meta.mode === mode && p.meta.id.startsWith('observations-'));
  if (!prompt) throw new PromptError(`aucun prompt pour le mode ${mode}`);
  return prompt;
}
