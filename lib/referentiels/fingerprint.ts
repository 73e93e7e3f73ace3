// What identifies a référentiel's text: its ids and a hash of its content. The committed lock
// (lib/referentiels/referentiels.lock.json) lets tests refuse a changed text without a new
// dataVersion, and a vanished id (notes point at ids, so ids are never removed).
import { createHash } from 'node:crypto';
import type { Certification } from './schema';

export interface ReferentielLockEntry {
  dataVersion: number;
  contentHash: string;
  ids: string[];
}

export function allIds(cert: Certification): string[] {
  return [
    cert.id,
    ...cert.blocs.flatMap((b) => [
      b.id,
      ...b.activities.map((a) => a.id),
      ...b.competencies.map((c) => c.id),
      ...b.criteria.map((k) => k.id),
    ]),
  ];
}

export function contentHash(cert: Certification): string {
  const { dataVersion: _version, $schema: _schema, ...content } = cert;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export function lockEntry(cert: Certification): ReferentielLockEntry {
  return { dataVersion: cert.dataVersion, contentHash: contentHash(cert), ids: allIds(cert) };
}
