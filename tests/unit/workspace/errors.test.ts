// Storage failures in French: each cause explained (looking inside Dexie's wrappers), no
// internal name shown, and « Réessayer » (or any button) named only when the caller shows it.
import { describe, expect, it } from 'vitest';
import { WorkspaceDb } from '@/lib/workspace/db';
import { isStorageError, storageCause, storageErrorMessage, WorkspaceRuleError } from '@/lib/workspace/errors';

const INTERNAL = /BulkError|ConstraintError|QuotaExceededError|DatabaseClosedError|AbortError|InvalidStateError|VersionError|DataCloneError|UnknownError|TransactionInactiveError|MissingAPIError/;
const named = (name: string, extra: object = {}) => Object.assign(new Error(`${name} raised`), { name, ...extra });

describe('storageErrorMessage', () => {
  it('explains a real duplicate key (Dexie’s BulkError over IndexedDB’s ConstraintError) without naming either', async () => {
    const db = new WorkspaceDb(`errors-${crypto.randomUUID()}`);
    await db.candidates.add({ id: 'c1', name: 'A', email: null, createdAt: 1, updatedAt: 1 });
    const error = await db.candidates.bulkAdd([{ id: 'c1', name: 'B', email: null, createdAt: 1, updatedAt: 1 }]).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error).name).toBe('BulkError');
    expect(storageCause(error)).toBe('ConstraintError');
    expect(isStorageError(error)).toBe(true);
    const message = storageErrorMessage(error, { kept: false });
    expect(message).toBe('Grille a voulu enregistrer un élément qui existe déjà ici (même identifiant) : rien n’a été enregistré.');
    expect(message).not.toMatch(INTERNAL);
  });

  it('explains each cause in words, and a cause it does not know without its name', () => {
    for (const error of [
      named('QuotaExceededError'),
      named('AbortError', { inner: named('QuotaExceededError') }),
      named('DatabaseClosedError'),
      named('InvalidStateError'),
      named('VersionError'),
      named('AbortError'),
      named('TransactionInactiveError'),
      named('DataCloneError'),
      named('UnknownError'),
      named('MissingAPIError'),
      named('OpenFailedError', { inner: named('VersionError') }),
      named('BulkError', { failures: [named('DataError')] }),
      named('SomethingNewError'),
      { name: 'toString' },
      null,
    ]) {
      const message = storageErrorMessage(error);
      expect(message, String((error as { name?: string } | null)?.name)).not.toMatch(INTERNAL);
      expect(message).not.toMatch(/SomethingNew|toString|function|Réessayer/);
      expect(message).toMatch(/^L[’']|^La |^Le |^Une |^Grille /);
    }
    expect(storageErrorMessage(named('SomethingNewError'))).toBe('L’enregistrement a échoué, sans que le navigateur en donne la raison. Votre saisie est conservée dans le panneau.');
    expect(storageErrorMessage(named('AbortError', { inner: named('QuotaExceededError') }))).toMatch(/^L’espace de stockage du navigateur est plein/);
  });

  it('names a button only when the caller shows one, and says the input is kept only when it is', () => {
    const quota = named('QuotaExceededError');
    expect(storageErrorMessage(quota)).not.toMatch(/«/);
    expect(storageErrorMessage(quota, { retry: 'Réessayer' })).toMatch(/Elle reste dans le panneau\..*Cliquez ensuite sur « Réessayer »\.$/);
    expect(storageErrorMessage(named('AbortError'), { kept: false, retry: 'Produire le procès-verbal commun' })).toBe(
      'Le navigateur a interrompu l’enregistrement avant la fin : rien n’a été enregistré. Cliquez ensuite sur « Produire le procès-verbal commun ».',
    );
    expect(storageErrorMessage(new WorkspaceRuleError('Une exemption doit être motivée.'), { retry: 'X' })).toBe('Une exemption doit être motivée.');
  });

  it('tells storage failures from other errors', () => {
    expect(isStorageError(named('DatabaseClosedError'))).toBe(true);
    expect(isStorageError(new TypeError('x is undefined'))).toBe(false);
    expect(isStorageError(null)).toBe(false);
  });
});
