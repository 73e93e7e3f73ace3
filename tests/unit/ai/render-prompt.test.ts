import { describe, expect, test } from 'vitest';
import { parseFrontMatter, parsePrompt, PromptError, renderPrompt, renderTemplate } from '@/lib/ai/render-prompt';

const SOURCE = `---
id: essai
version: 2
purpose: Un prompt d'essai.
mode: jury
---
<!-- Note pour les mainteneurs :
jamais envoyée. -->
<!-- message: system -->
Rôle : {{role}}.
<!-- une autre note -->
<!-- message: user -->
Page : {{page}}
Encore {{ role }}.
`;

describe('front matter', () => {
  test('reads key: value lines and the body', () => {
    const { fields, body } = parseFrontMatter('---\nid: a\npurpose: deux : points\n---\ncorps');
    expect(fields).toEqual({ id: 'a', purpose: 'deux : points' });
    expect(body).toBe('corps');
  });

  test('rejects a file without front matter, a duplicate key, a missing key, a bad version or mode', () => {
    expect(() => parseFrontMatter('pas de front matter')).toThrow(PromptError);
    expect(() => parseFrontMatter('---\nid: a\nid: b\n---\n')).toThrow(/double/);
    expect(() => parsePrompt(SOURCE.replace("purpose: Un prompt d'essai.\n", ''))).toThrow(/purpose/);
    expect(() => parsePrompt(SOURCE.replace('version: 2', 'version: deux'))).toThrow(/version/);
    expect(() => parsePrompt(SOURCE.replace('mode: jury', 'mode: juge'))).toThrow(/mode/);
  });
});

test('a prompt of an earlier revision, which named its schema in the front matter, still parses (npm run ai:eval prompts=<revision>)', () => {
  const old = parsePrompt(SOURCE.replace('mode: jury', 'schema: SuggestionBatch\nmode: jury'));
  expect(old.meta).toEqual(parsePrompt(SOURCE).meta);
});

describe('parsePrompt', () => {
  const prompt = parsePrompt(SOURCE);

  test('splits the messages and lists the variables', () => {
    expect(prompt.meta).toEqual({ id: 'essai', version: 2, purpose: "Un prompt d'essai.", mode: 'jury' });
    expect(prompt.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(prompt.variables).toEqual(['role', 'page']);
  });

  test('maintainers’ comments are never part of a message', () => {
    expect(prompt.messages.map((m) => m.template).join('\n')).not.toMatch(/mainteneurs|autre note|<!--/);
  });

  test('text before the first message marker is refused', () => {
    expect(() => parsePrompt(SOURCE.replace('<!-- message: system -->', 'texte perdu\n<!-- message: system -->'))).toThrow(/avant le premier marqueur/);
  });
});

describe('renderPrompt', () => {
  const prompt = parsePrompt(SOURCE);

  test('replaces every variable', () => {
    const messages = renderPrompt(prompt, { role: 'juré', page: 'texte' });
    expect(messages).toEqual([
      { role: 'system', content: 'Rôle : juré.' },
      { role: 'user', content: 'Page : texte\nEncore juré.' },
    ]);
  });

  test('throws on a missing variable', () => {
    expect(() => renderPrompt(prompt, { role: 'juré' })).toThrow(/variable manquante : \{\{page\}\}/);
  });

  test('throws on an unused variable', () => {
    expect(() => renderPrompt(prompt, { role: 'juré', page: 'texte', extra: 'x' })).toThrow(/variable inutilisée : \{\{extra\}\}/);
  });

  test('a value is never expanded itself: page text cannot reach other variables', () => {
    const messages = renderPrompt(prompt, { role: 'juré', page: '{{role}} et {{secret}}' });
    expect(messages[1]!.content).toBe('Page : {{role}} et {{secret}}\nEncore juré.');
  });

  test('an empty value is allowed and leaves no run of blank lines', () => {
    expect(renderTemplate('a\n\n{{x}}\n\nb', { x: '' })).toBe('a\n\n\n\nb');
    const p = parsePrompt(SOURCE.replace('Page : {{page}}', 'A\n\n{{page}}\n\nB'));
    expect(renderPrompt(p, { role: 'r', page: '' })[1]!.content).toBe('A\n\nB\nEncore r.');
  });
});
