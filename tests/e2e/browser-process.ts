// The browser's processes, found by the profile they run on: to kill the main one as a dead
// battery or a force-quit would (SIGKILL, no shutdown), and to wait until all are gone.
import { readdirSync, readFileSync } from 'node:fs';

function processesOf(profileDir: string): { pid: number; args: string[] }[] {
  const found: { pid: number; args: string[] }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    if (args.some((a) => a === `--user-data-dir=${profileDir}`)) found.push({ pid: Number(entry), args });
  }
  return found;
}

/** Chromium's main process on this profile: the one without --type= (renderers, GPU, utilities have one). */
export function chromiumMainPid(profileDir: string): number {
  const main = processesOf(profileDir).filter((p) => !p.args.some((a) => a.startsWith('--type=')));
  if (main.length !== 1) throw new Error(`${main.length} processus principaux de Chromium sur ${profileDir}`);
  return main[0]!.pid;
}

/** Resolves once no process runs on the profile any more; strays left after `graceMs` are killed too. */
export async function processesGone(profileDir: string, graceMs = 5_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const left = processesOf(profileDir);
    if (!left.length) return;
    if (Date.now() - started > graceMs)
      for (const p of left) {
        try {
          process.kill(p.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    if (Date.now() - started > graceMs * 3) throw new Error(`des processus de Chromium restent sur ${profileDir}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
