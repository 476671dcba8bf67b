#!/usr/bin/env node
/**
 * `npm start`: the demo on one machine, no account and no network.
 * Until the storefront exists it starts the local sandbox with demo data.
 */
import { spawn } from 'node:child_process';

const children = [];
function run(name, command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${name} exited (${code}); stopping.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 200).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

run('sandbox', process.execPath, ['packages/sandbox/dist/cli.js', '--port', process.env.SANDBOX_PORT ?? '4010', '--seed', 'demo']);
