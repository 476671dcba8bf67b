/**
 * `kustom-sandbox` as a user runs it: the CLI in its own process on a free port.
 * Resolves with the base URL it prints; `close()` stops it with SIGTERM.
 */
import { spawn } from 'node:child_process';

export interface SandboxCli {
  url: string;
  close(): Promise<void>;
}

/** Starts `bin` (a `kustom-sandbox` script) with `--port 0` and the given arguments. */
export function startSandboxCli(bin: string, args: string[] = []): Promise<SandboxCli> {
  const child = spawn(process.execPath, [bin, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      child.kill('SIGTERM');
      reject(new Error(`kustom-sandbox ${why}:\n${output}`));
    };
    const timer = setTimeout(() => fail('did not print its URL within 30 s'), 30_000);
    const early = (code: number | null) => fail(`exited with ${code}`);
    child.on('exit', early);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.off('exit', early);
      resolve({
        url,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            // SIGTERM lets it close cleanly; a server still waiting on a client's connection is killed.
            const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
