// Runs the server's command line as a real process (tsx), from the repository root, and collects its output.
import { fileURLToPath } from 'node:url';
import { type ProcessResult, runNode } from './run-process';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const cliPath = fileURLToPath(new URL('../cli.ts', import.meta.url));

export type CliRun = ProcessResult;

export function runCli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return runNode(['--import', 'tsx', cliPath, ...args], {
    cwd: repoRoot,
    env: { ...process.env, INIT_CWD: repoRoot, LS_LOG_LEVEL: 'warn', ...options.env },
    ...(options.input === undefined ? {} : { input: options.input }),
  });
}
