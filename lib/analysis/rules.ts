// The registry: every rule file under lib/<room>/rules/<rule-id>.ts (lib/privacy/rules for the
// rgpd family, lib/seo/rules, lib/eco/rules), loaded at build time.
import type { Rule } from '../checks/types';

const modules = import.meta.glob<{ default: Rule }>('../*/rules/*.ts', { eager: true });

/** Rule file path → rule, for the convention tests. */
export const RULE_FILES: Readonly<Record<string, Rule>> = Object.fromEntries(Object.entries(modules).map(([path, m]) => [path, m.default]));

export const RULES: readonly Rule[] = Object.values(RULE_FILES).sort((a, b) => a.family.localeCompare(b.family) || a.id.localeCompare(b.id));
