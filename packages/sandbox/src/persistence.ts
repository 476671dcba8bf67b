/**
 * `--data FILE` (Node only): the sandbox's snapshot written atomically, a temporary
 * file in the same directory, flushed to disk, then renamed over the old one, so a
 * crash leaves either the old or the new file, never half of one.
 *
 * Writes are grouped: a change made while a write is running is saved by the next
 * write, which starts when the running one ends. Every answer waits until the write
 * that includes its change is on disk.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface Persister {
  /** Resolves once a write that includes every change made so far is on disk. */
  persist(): Promise<void>;
  /** Waits for running and queued writes. */
  flush(): Promise<void>;
}

export function createPersister(file: string, read: () => unknown): Persister {
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  let counter = 0;

  async function write(): Promise<void> {
    const data = `${JSON.stringify(read())}\n`;
    const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${counter++}.tmp`);
    try {
      const handle = await open(temporary, 'w', 0o600);
      try {
        await handle.writeFile(data, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  function start(): Promise<void> {
    const current = write().finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  }

  return {
    persist() {
      if (queued) return queued;
      if (!running) return start();
      const next = running
        .catch(() => undefined)
        .then(() => {
          queued = undefined;
          return start();
        });
      queued = next;
      return next;
    },
    async flush() {
      await queued?.catch(() => undefined);
      await running?.catch(() => undefined);
    },
  };
}

/** The snapshot in `file`, or `undefined` when the file does not exist yet. */
export async function readSnapshotFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new Error(`${file} is not valid JSON; refusing to overwrite it. Move it away or fix it.`, { cause });
  }
}
