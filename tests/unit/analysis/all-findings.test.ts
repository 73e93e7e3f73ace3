import { describe, expect, it } from 'vitest';
import { allFindings } from '@/lib/analysis/all-findings';
import { axeRule, pageFacts } from '../rgaa/facts';

describe('RGAA findings in allFindings', () => {
  it('adds one finding per RGAA criterion axe touched to the rules’ findings', () => {
    const findings = allFindings(pageFacts([axeRule('image-alt', 'violation', ['1.1.1'], [{ selector: 'img' }])]));
    expect(findings.filter((f) => f.family === 'rgaa').map((f) => [f.ruleId, f.outcome])).toEqual([['rgaa-1.1', 'fail']]);
  });
});
