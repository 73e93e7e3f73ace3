// Benchmark: producing every export for a session of 100 evaluations — 100 jury records in DOCX
// and PDF, 100 candidate feedbacks (Markdown, DOCX, PDF), the session CSV — time and size, with
// JSON.stringify of the same data as the baseline measured in the same run. Runs in Node on
// fake-indexeddb (bench/exports/run.ts, through tsx); the session is written by Grille's own
// workspace functions. Run with `npm run bench:exports`; a quick check: BENCH_EVALUATIONS=10.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, must, root } from '../scripts/setup.mjs';

if (!existsSync(join(root, 'node_modules/docx')) || !existsSync(join(root, 'node_modules/pdf-lib'))) ensureDependencies();
must(process.execPath, ['--import', 'tsx', join(root, 'bench/exports/run.ts')], { env: { ...process.env, NODE_OPTIONS: '' } });
