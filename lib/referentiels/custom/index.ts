// Custom référentiels: import (JSON or CSV) and preview. Their storage beside the bundled ones,
// and lookup, is the workspace's: lib/workspace/custom-referentiels.ts.
export { ReferentielImportError } from './errors';
export { certificationFromCsv, REQUIRED_COLUMNS, OPTIONAL_COLUMNS } from './from-csv';
export { certificationFromJson } from './from-json';
export { readReferentielFile, MAX_REFERENTIEL_BYTES } from './read';
export { previewCertification, type ReferentielPreview } from './preview';
