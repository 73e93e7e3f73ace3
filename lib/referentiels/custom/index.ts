// Custom référentiels: import (JSON or CSV), storage beside the bundled ones, and lookup.
export { ReferentielImportError } from './errors';
export { certificationFromCsv, REQUIRED_COLUMNS, OPTIONAL_COLUMNS } from './from-csv';
export { certificationFromJson } from './from-json';
export { readReferentielFile, MAX_REFERENTIEL_BYTES } from './read';
export { saveCustomReferentiel, allCertifications, certificationVersion, latestCustomCertifications, customVersions } from './store';
export { previewCertification, type ReferentielPreview } from './preview';
