// A référentiel file chosen by the juror: JSON or CSV (by extension, else by content), size first.
import { formatBytes } from '../../text/file-errors';
import type { Certification } from '../schema';
import { ReferentielImportError } from './errors';
import { certificationFromCsv } from './from-csv';
import { certificationFromJson } from './from-json';

export const MAX_REFERENTIEL_BYTES = 5 * 1024 * 1024;

export interface ReferentielFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

export async function readReferentielFile(file: ReferentielFile): Promise<{ certification: Certification; format: 'json' | 'csv' }> {
  if (file.size > MAX_REFERENTIEL_BYTES)
    throw new ReferentielImportError([`Ce fichier fait ${formatBytes(file.size)} : un référentiel fait au plus ${formatBytes(MAX_REFERENTIEL_BYTES)}.`]);
  let text: string;
  try {
    text = await file.text();
  } catch {
    throw new ReferentielImportError(['Le fichier n’a pas pu être lu.']);
  }
  const name = file.name.toLowerCase();
  const json = name.endsWith('.json') || (!name.endsWith('.csv') && text.replace(/^\uFEFF/, '').trimStart().startsWith('{'));
  return json ? { certification: certificationFromJson(text), format: 'json' } : { certification: certificationFromCsv(text, file.name), format: 'csv' };
}
