// The prompts shipped with Grille, discovered in prompts/: each <id>.md (bundled as raw text at
// build time and parsed once) with its output schema beside it, <id>.schema.ts (its export
// `outputSchema`). A prompt without its schema, or a schema without its prompt, is an error. A
// prompt is picked by mode (jury, tuteur); its id and version are stored with every suggestion it
// produced.
import type { z } from 'zod';
import type { SuggestionBatch } from './contract';
import { parsePrompt, PromptError, type PromptMode, type PromptTemplate } from './render-prompt';

/** What a prompt asks the model to return: the panel reads every answer as a SuggestionBatch. */
export type OutputSchema = z.ZodType<SuggestionBatch>;

export interface Prompt extends PromptTemplate {
  /** prompts/<id>.schema.ts: sent as the response format, and what the answer must fit. */
  outputSchema: OutputSchema;
}

const sources = import.meta.glob<string>('../../prompts/*.md', { query: '?raw', import: 'default', eager: true });
const schemas = import.meta.glob<OutputSchema | undefined>('../../prompts/*.schema.ts', { import: 'outputSchema', eager: true });

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function load(): Prompt[] {
  const prompts: Prompt[] = [];
  for (const [path, source] of Object.entries(sources)) {
    if (path.endsWith('/README.md')) continue;
    const prompt = parsePrompt(source);
    const file = fileName(path).slice(0, -'.md'.length);
    if (file !== prompt.meta.id) throw new PromptError(`${path} : l'id (${prompt.meta.id}) doit être le nom du fichier`);
    const outputSchema = schemas[path.replace(/\.md$/, '.schema.ts')];
    if (!outputSchema) throw new PromptError(`${path} : pas de schéma de sortie (prompts/${file}.schema.ts, export outputSchema)`);
    prompts.push({ ...prompt, outputSchema });
  }
  for (const path of Object.keys(schemas)) {
    if (!Object.hasOwn(sources, path.replace(/\.schema\.ts$/, '.md'))) throw new PromptError(`${path} : aucun prompt ${fileName(path).replace(/\.schema\.ts$/, '.md')} à côté`);
  }
  return prompts.sort((a, b) => a.meta.id.localeCompare(b.meta.id));
}

/** Every bundled prompt, by id. */
export const PROMPTS: readonly Prompt[] = load();

export function promptById(id: string): Prompt | undefined {
  return PROMPTS.find((p) => p.meta.id === id);
}

/** The observations prompt for a mode: the jury's (neutral) or the tutor's (formative). */
export function promptForMode(mode: PromptMode): Prompt {
  const prompt = PROMPTS.find((p) => p.meta.mode === mode && p.meta.id.startsWith('observations-'));
  if (!prompt) throw new PromptError(`aucun prompt pour le mode ${mode}`);
  return prompt;
}
