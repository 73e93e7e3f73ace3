// Hooks axe's RGAA findings (grouped by criterion) into allFindings: import this module once
// where findings are computed (the side panel), so the RGAA data loads only there.
import { registerAxeFindings } from '../checks/all-findings';
import { axeFindings } from './axe-findings';

registerAxeFindings(axeFindings);
