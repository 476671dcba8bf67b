/**
 * Per-key mutual exclusion on promises: writes to one order run one after the
 * other, so "read the remaining amount, then capture" can never interleave.
 */
export class KeyedMutex {
  readonly #tails = new Map<string, Promise<void>>();

  async #acquire(key: string): Promise<() => void> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => current);
    this.#tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    };
  }

  /** Runs `fn` holding every key (taken in sorted order, so two callers never deadlock). */
  async run<T>(keys: readonly string[], fn: () => Promise<T>): Promise<T> {
    const releases: Array<() => void> = [];
    try {
      for (const key of [...new Set(keys)].sort()) releases.push(await this.#acquire(key));
      return await fn();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  /** How many keys are held or awaited (0 when idle). */
  get size(): number {
    return this.#tails.size;
  }
}
