// Writes a growing counter through every write path at once, like keystrokes, then stops; the
// driver (bench/kill-probe.mjs) kills the browser some ms later and reads what survived.
(() => {
  const TEXT = 'x'.repeat(2_000);
  const open = (name) =>
    new Promise((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('kv');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const put = (db, durability, value) =>
    new Promise((resolve, reject) => {
      const tx = durability ? db.transaction('kv', 'readwrite', { durability }) : db.transaction('kv', 'readwrite');
      tx.objectStore('kv').put(value, 'v');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  const get = (db) =>
    new Promise((resolve, reject) => {
      const request = db.transaction('kv', 'readonly').objectStore('kv').get('v');
      request.onsuccess = () => resolve(request.result ?? { i: 0, at: 0 });
      request.onerror = () => reject(request.error);
    });
  /** One transaction in flight; the newest value is written when it completes. */
  const coalesced = (db, durability) => {
    let next = null;
    let busy = false;
    const pump = async () => {
      busy = true;
      while (next) {
        const value = next;
        next = null;
        await put(db, durability, value);
      }
      busy = false;
    };
    return (value) => {
      next = value;
      if (!busy) void pump();
    };
  };
  const storage = globalThis.chrome?.storage?.local;
  const dbs = {};
  const ready = (async () => {
    for (const name of ['each-default', 'each-strict', 'coalesced-relaxed', 'coalesced-strict']) dbs[name] = await open(`probe-${name}`);
  })();
  const writers = () => ({
    localStorage: (v) => localStorage.setItem('v', JSON.stringify(v)),
    'idb-each-default': (v) => void put(dbs['each-default'], null, v),
    'idb-each-strict': (v) => void put(dbs['each-strict'], 'strict', v),
    'idb-coalesced-relaxed': coalesced(dbs['coalesced-relaxed'], 'relaxed'),
    'idb-coalesced-strict': coalesced(dbs['coalesced-strict'], 'strict'),
    ...(storage ? { 'storage.local': (v) => void storage.set({ v }) } : {}),
  });
  globalThis.probe = {
    /** Issues n writes every `every` ms; resolves at the last one with each write's Date.now(). */
    /** Starts n writes every `every` ms and returns at once (the browser is killed mid-stream). */
    async stream(n, every) {
      await ready;
      void this.run(n, every);
      return Date.now();
    },
    async run(n, every) {
      await ready;
      const write = writers();
      const issued = [];
      for (let i = 1; i <= n; i++) {
        const value = { i, at: Date.now(), text: TEXT };
        issued.push(Date.now());
        for (const w of Object.values(write)) w(value);
        if (i < n) await new Promise((resolve) => setTimeout(resolve, every));
      }
      return issued;
    },
    async read() {
      await ready;
      const out = { localStorage: JSON.parse(localStorage.getItem('v') ?? '{"i":0,"at":0}') };
      for (const [name, db] of Object.entries(dbs)) out[`idb-${name}`] = await get(db);
      if (storage) out['storage.local'] = (await storage.get('v')).v ?? { i: 0, at: 0 };
      for (const v of Object.values(out)) delete v.text;
      return out;
    },
  };
})();
