import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode, type RefObject } from 'react';
import type { SuggestionRequest } from '@/lib/ai/contract';
import { useSuggestionFlow, type Flow, type Scope } from '@/lib/hooks/use-suggestion-flow';
import type { AiPanelServices } from '@/lib/ai/ui-services';
import { useAiConfig, type ConfigState } from '@/lib/ai/ui-suggestions';
import type { Finding } from '@/lib/checks/types';
import { pick } from '@/lib/i18n';
import type { PageAnalysis } from '@/lib/hooks/use-page-analysis';
import { criteriaInBloc, type CriterionInContext } from '@/lib/referentiels/criteria-in-context';
import type { Bloc, Certification } from '@/lib/referentiels/schema';
import { suggestionsOf } from '@/lib/workspace/ai-suggestions';
import type { WorkspaceDb } from '@/lib/workspace/db';
import type { AiSuggestionRow, EvaluationMode } from '@/lib/workspace/types';
import { usePageAnalysisContext } from './analysis-context';

export interface AiSuggestionsProviderProps {
  db: WorkspaceDb;
  evaluationId: string;
  certification: Certification;
  bloc: Bloc;
  /** Criterion id → « C1 · critère 2 », as the criteria list shows them. */
  codes: ReadonlyMap<string, string>;
  candidateName: string;
  mode: EvaluationMode;
  actor: string | null;
  /** The AI core (lib/ai/ui-services.ts aiPanelServices; fakes in tests). */
  services: AiPanelServices;
  children: ReactNode;
}

export interface AiSuggestionsState {
  db: WorkspaceDb;
  actor: string | null;
  services: AiPanelServices;
  items: CriterionInContext[];
  codes: ReadonlyMap<string, string>;
  config: ConfigState;
  analysis: PageAnalysis | null;
  /** The analysis is done and has a snapshot: suggestions can be asked for. */
  analysed: boolean;
  rows: AiSuggestionRow[] | undefined;
  flow: Flow;
  /** Shows what would be sent for the bloc or one criterion (nothing is sent). */
  prepare(scope: Scope): void;
  send(): void;
  stop(): void;
  dismiss(): void;
  findingTitle(ruleId: string): string | null;
  /** Where the preview is: a criterion's « Suggérer » moves the juror there. */
  flowRef: RefObject<HTMLDivElement | null>;
}

const Context = createContext<AiSuggestionsState | null>(null);
export const useAiSuggestions = () => useContext(Context);

/** State shared by the « Suggestions d'observations (IA) » section and each criterion's « Suggérer ». */
export function AiSuggestionsProvider({ db, evaluationId, certification, bloc, codes, candidateName, mode, actor, services, children }: AiSuggestionsProviderProps) {
  const config = useAiConfig(services.loadConfig);
  const analysis = usePageAnalysisContext();
  const rows = useLiveQuery(() => suggestionsOf(db, evaluationId), [db, evaluationId]);
  const items = useMemo(() => criteriaInBloc(certification, bloc).filter((item) => !item.criterion.gap || item.criterion.text), [certification, bloc]);
  const { flow, start, send, stop, dismiss } = useSuggestionFlow({ services, db, evaluationId, actor });
  const flowRef = useRef<HTMLDivElement | null>(null);
  // Another bloc: a request prepared for the previous one no longer applies.
  useEffect(() => dismiss, [bloc.id, dismiss]);
  const snapshot = analysis?.status === 'done' ? analysis.facts?.snapshot : undefined;
  const findings: readonly Finding[] = analysis?.findings ?? [];

  const prepare = useCallback(
    (scope: Scope) => {
      const current = config.status === 'ready' ? config.config : null;
      if (!current || !snapshot) return;
      const wanted = scope.kind === 'bloc' ? null : new Set(scope.kind === 'criterion' ? [scope.criterionId] : scope.criterionIds);
      const criteria = wanted ? items.filter((item) => wanted.has(item.criterion.id)) : items;
      if (!criteria.length) return;
      const request: SuggestionRequest = { mode, certification, bloc, criteria, snapshot, findings, candidateName };
      start(scope, request, current);
      // The preview is shown in the section: take the juror (and the focus) there.
      requestAnimationFrame(() => flowRef.current?.focus());
    },
    [config, snapshot, items, mode, certification, bloc, findings, candidateName, start],
  );

  const findingTitle = useCallback((ruleId: string) => {
    const finding = findings.find((f) => f.ruleId === ruleId);
    return finding ? pick(finding.title) : null;
  }, [findings]);

  const value: AiSuggestionsState = {
    db,
    actor,
    services,
    items,
    codes,
    config,
    analysis,
    analysed: !!snapshot,
    rows,
    flow,
    prepare,
    send,
    stop,
    dismiss,
    findingTitle,
    flowRef,
  };
  return <Context.Provider value={value}>{children}</Context.Provider>;
}
