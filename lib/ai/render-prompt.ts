// Prompt files: a front matter of `key: value` lines, then the messages, each introduced by a
// `<!-- message: system -->` or `<!-- message: user -->` line. Other HTML comments are notes for
// maintainers and are never sent. Rendering replaces {{variable}} in one pass (a value is never
// itself expanded) and throws on a missing or an unused variable. No template engine: the
// extension's content security policy forbids compiling code, and a prompt needs none.

export const PROMPT_MODES = ['jury', 'tuteur'] as const;
export type PromptMode = (typeof PROMPT_MODES)[number];

export interface PromptMeta {
  id: string;
  version: number;
  purpose: string;
  mode: PromptMode;
}

export interface PromptTemplate {
  meta: PromptMeta;
  messages: { role: 'system' | 'user'; template: string }[];
  /** Variables the messages use, in order of first appearance. */
  variables: string[];
}

export class PromptError extends Error {
  override name = 'PromptError';
}

const VARIABLE = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
const MESSAGE_MARKER = /^<!--\s*message:\s*(system|user)\s*-->\s*$/;
const REQUIRED_KEYS = ['id', 'version', 'purpose', 'mode'] as const;

/** Splits `---\nkey: value\n---\nbody` into its fields and body. */
export function parseFrontMatter(source: string): { fields: Record<string, string>; body: string } {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!match) throw new PromptError('front matter manquant (--- … --- en tête du fichier)');
  const fields: Record<string, string> = {};
  for (const line of match[1]!.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon < 1) throw new PromptError(`ligne de front matter invalide : « ${line} »`);
    const key = line.slice(0, colon).trim();
    if (key in fields) throw new PromptError(`clé en double dans le front matter : ${key}`);
    fields[key] = line.slice(colon + 1).trim();
  }
  return { fields, body: text.slice(match[0].length) };
}

/** Maintainers' notes (HTML comments other than the message markers) are never sent. */
const stripComments = (text: string) => text.replace(/<!--(?!\s*message:\s*(?:system|user)\s*-->)[\s\S]*?-->/g, '');

/** Parses a prompt file; throws PromptError when its front matter or structure is wrong. */
export function parsePrompt(source: string): PromptTemplate {
  const { fields, body } = parseFrontMatter(source);
  for (const key of REQUIRED_KEYS) if (!fields[key]) throw new PromptError(`front matter : « ${key} » manquant`);
  const version = Number(fields.version);
  if (!Number.isInteger(version) || version < 1) throw new PromptError(`front matter : version invalide (${fields.version})`);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(fields.id!)) throw new PromptError(`front matter : id invalide (${fields.id})`);
  const mode = fields.mode as PromptMode;
  if (!PROMPT_MODES.includes(mode)) throw new PromptError(`front matter : mode invalide (${fields.mode})`);

  const messages: PromptTemplate['messages'] = [];
  let current: { role: 'system' | 'user'; lines: string[] } | null = null;
  for (const line of stripComments(body).split('\n')) {
    const marker = MESSAGE_MARKER.exec(line.trim());
    if (marker) {
      if (current) messages.push({ role: current.role, template: tidy(current.lines.join('\n')) });
      current = { role: marker[1] as 'system' | 'user', lines: [] };
    } else if (current) current.lines.push(line);
    else if (line.trim()) throw new PromptError('texte avant le premier marqueur <!-- message: … -->');
  }
  if (current) messages.push({ role: current.role, template: tidy(current.lines.join('\n')) });
  if (messages.length === 0) throw new PromptError('aucun message (<!-- message: system --> / <!-- message: user -->)');
  if (messages.some((m) => !m.template)) throw new PromptError('message vide');

  const variables: string[] = [];
  for (const message of messages) {
    for (const m of message.template.matchAll(VARIABLE)) if (!variables.includes(m[1]!)) variables.push(m[1]!);
  }
  return {
    meta: { id: fields.id!, version, purpose: fields.purpose!, mode },
    messages,
    variables,
  };
}

/** Trims a message and collapses runs of blank lines (empty optional sections leave none). */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Replaces every {{variable}}; throws on a variable without value and on a value nothing uses. */
export function renderTemplate(template: string, variables: Readonly<Record<string, string>>, used = new Set<string>()): string {
  const out = template.replace(VARIABLE, (_, name: string) => {
    if (!Object.hasOwn(variables, name)) throw new PromptError(`variable manquante : {{${name}}}`);
    used.add(name);
    return variables[name]!;
  });
  return out;
}

/** Renders all messages of a prompt; every provided variable must be used somewhere. */
export function renderPrompt(prompt: PromptTemplate, variables: Readonly<Record<string, string>>): { role: 'system' | 'user'; content: string }[] {
  const used = new Set<string>();
  const messages = prompt.messages.map((message) => ({ role: message.role, content: tidy(renderTemplate(message.template, variables, used)) }));
  const unused = Object.keys(variables).filter((name) => !used.has(name));
  if (unused.length) throw new PromptError(`variable inutilisée : ${unused.map((n) => `{{${n}}}`).join(', ')}`);
  return messages;
}
