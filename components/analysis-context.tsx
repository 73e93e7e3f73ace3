import { createContext, useContext, type ReactNode } from 'react';
import type { Finding } from '@/lib/checks/types';
import type { PageAnalysis } from '@/lib/hooks/use-page-analysis';

const AnalysisContext = createContext<PageAnalysis | null>(null);
const AttachContext = createContext<((finding: Finding) => void) | null>(null);

/** The page analysis of this panel, for the analysis section and for each criterion's related findings. */
export function AnalysisProvider({ analysis, children }: { analysis: PageAnalysis; children: ReactNode }) {
  return <AnalysisContext.Provider value={analysis}>{children}</AnalysisContext.Provider>;
}

/** Inside an open evaluation: how a finding becomes evidence (opens the evidence dialog). */
export function AttachFindingProvider({ onAttach, children }: { onAttach: (finding: Finding) => void; children: ReactNode }) {
  return <AttachContext.Provider value={onAttach}>{children}</AttachContext.Provider>;
}

export const usePageAnalysisContext = () => useContext(AnalysisContext);
export const useAttachFinding = () => useContext(AttachContext);
