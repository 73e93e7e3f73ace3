import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import fr from '../public/_locales/fr/messages.json';

// fake-browser leaves i18n unmocked: serve the French catalogue with Chrome's $1… substitution.
function getMessage(name: string, substitutions?: string | string[]): string {
  const entry = (fr as Record<string, { message: string } | undefined>)[name];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

// findBy…/waitFor give up after 1 s by default: a lazily loaded part (exports, AI, RGAA grid) is
// transformed on first import, which takes longer than that on a cold, busy CI machine.
configure({ asyncUtilTimeout: 5_000 });

beforeEach(async () => {
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  // fake-browser starts with no focused window; a real browser has the one the panel sits in.
  await fakeBrowser.windows.create({ focused: true });
});

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
  // The page's own storage too (the panel keeps a copy of the selection there).
  globalThis.localStorage?.clear();
});
