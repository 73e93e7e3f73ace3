import type { ReactNode } from 'react';
import { findVerdictWording } from '@/lib/ai/verdict';

/** Text with its verdict wording marked: real text ranges in <mark>, never markup from the text. */
export function VerdictText({ text }: { text: string }) {
  const ranges = findVerdictWording(text);
  if (!ranges.length) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  ranges.forEach((r, i) => {
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(
      <mark key={i} className="ai-verdict-mark">
        {text.slice(r.start, r.end)}
      </mark>,
    );
    at = r.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
