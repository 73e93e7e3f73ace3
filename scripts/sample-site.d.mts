// Types for scripts/sample-site.mjs (plain ESM so that `npm start` runs it without a build step).
export interface SampleSite {
  /** http://localhost:<port>/ — 127.0.0.1 on the same port counts as another site. */
  url: string;
  port: number;
  close(): Promise<void>;
}
export function startSampleSite(options?: { port?: number; host?: string }): Promise<SampleSite>;
