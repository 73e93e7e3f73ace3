// The workspace benchmark's baseline (bench/workspace/raw.ts) builds Grille's database without
// Dexie; it must follow every storage version, or `npm run bench` measures against another
// database (or crashes, as it did when a version added a store). The bench checks this itself
// in Chromium; this test catches it at once, under fake-indexeddb.
import { describe, expect, it } from 'vitest';
import { WorkspaceDb } from '@/lib/workspace/db';
import { createRawDatabase, currentStores, describeSchema, openRawDatabase } from '../../../bench/workspace/raw';

describe('workspace bench baseline', () => {
  it('has the stores, keys and indexes Dexie builds from SCHEMA_VERSIONS', async () => {
    const grille = new WorkspaceDb('bench-baseline-grille');
    await grille.open();
    grille.close();
    const fromDexie = await openRawDatabase('bench-baseline-grille');
    const raw = await createRawDatabase('bench-baseline-raw');
    expect(describeSchema(raw)).toEqual(describeSchema(fromDexie));
    fromDexie.close();
    raw.close();
  });

  it('folds the versions in order: a later version redefines a store, adds one, or deletes one', () => {
    const stores = currentStores([
      { stores: { a: 'id, x', b: 'id' } },
      { stores: { a: 'id, x, y', c: '++seq' } },
      { stores: { b: null } },
    ]);
    expect(stores).toEqual({ a: 'id, x, y', c: '++seq' });
  });
});
