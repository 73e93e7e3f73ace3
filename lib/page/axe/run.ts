// PLACEHOLDER — replaced by the axe-core RGAA implementation.
import type { AxeFacts } from '../facts';

export async function runAxe(doc: Document): Promise<AxeFacts> {
  void doc;
  return { version: '', rules: [], durationMs: 0 };
}
