// Records the bundled référentiels' ids and content hashes in lib/referentiels/referentiels.lock.json,
// and their summaries (titles, blocs) in lib/referentiels/bundled-index.json, what the panel opens with.
// Run after a correction (npm run referentiels:lock), having bumped the file's dataVersion.
// Ids already in the lock are kept even if the data lost them: the test then fails, on purpose.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { Certification } from '../lib/referentiels/schema';
import { lockEntry, type ReferentielLockEntry } from '../lib/referentiels/fingerprint';
import { byTitle, summarize, type CertificationSummary } from '../lib/referentiels/summary';

const dataDir = new URL('../lib/referentiels/data/', import.meta.url);
const lockFile = new URL('../lib/referentiels/referentiels.lock.json', import.meta.url);
const previous: Record<string, ReferentielLockEntry> = existsSync(lockFile) ? JSON.parse(readFileSync(lockFile, 'utf8')) : {};
const next: Record<string, ReferentielLockEntry> = {};
const summaries: CertificationSummary[] = [];

for (const name of readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort()) {
  const cert = Certification.parse(JSON.parse(readFileSync(new URL(name, dataDir), 'utf8')));
  const entry = lockEntry(cert);
  const before = previous[cert.id];
  if (before && before.contentHash !== entry.contentHash && before.dataVersion >= entry.dataVersion) {
    console.error(`${cert.id} : le texte a changé, augmentez dataVersion (actuellement ${entry.dataVersion}).`);
    process.exitCode = 1;
    continue;
  }
  const ids = [...new Set([...(before?.ids ?? []), ...entry.ids])];
  next[cert.id] = { ...entry, ids };
  summaries.push(summarize(cert));
}
if (!process.exitCode) {
  writeFileSync(lockFile, JSON.stringify(next, null, 2) + '\n');
  writeFileSync(new URL('../lib/referentiels/bundled-index.json', import.meta.url), JSON.stringify(summaries.sort(byTitle), null, 2) + '\n');
  console.log(`verrou et index écrits : ${Object.keys(next).length} référentiels`);
}
