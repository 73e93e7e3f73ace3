// Files for the juror: names (« pv-camille-martin-2025-03-12.docx »), types, and the download
// itself, through an <a download> on an object URL (no permission, works in the side panel).
import { isoDay } from './format';

export const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
} as const;
export type FileKind = keyof typeof MIME;

/** A name fit for any file system: lower case, no accents, dashes; « candidat » if nothing is left. */
export function slug(text: string, fallback = 'candidat'): string {
  const s = text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || fallback;
}

/** « pv-camille-martin-2025-03-12.docx », « retour-…md », « synthese-criteres-2025-03-12.csv ». */
export function exportFileName(prefix: string, kind: FileKind, candidateName: string | null, at = Date.now(), timeZone?: string): string {
  const parts = [prefix, candidateName === null ? null : slug(candidateName), isoDay(at, timeZone)].filter(Boolean);
  return `${parts.join('-')}.${kind}`;
}

export function toBlob(content: Uint8Array | string, kind: FileKind): Blob {
  return new Blob([content as BlobPart], { type: MIME[kind] });
}

/** Saves a Blob as a download named `fileName`. */
export function triggerDownload(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // The browser reads the URL after the click's task: revoke it a little later.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
