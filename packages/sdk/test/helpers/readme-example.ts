/**
 * Runs the `ts` example of one README section as it stands and returns what it
 * logged next to what its `console.log(…); // → expected` comments promise.
 * The example's `import` lines are bound to the modules passed in, so it runs the
 * code under test, not a published copy.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The first ```ts block between `<!-- name:start -->` and `<!-- name:end -->`. */
export function readmeExample(name: string): string {
  const section = readme.slice(readme.indexOf(`<!-- ${name}:start -->`), readme.indexOf(`<!-- ${name}:end -->`));
  return /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
}

export async function runReadmeExample(
  example: string,
  modules: Record<string, unknown>,
): Promise<{ logged: string[]; expected: Array<string | undefined> }> {
  const body = example.replace(/import\s*\{([^}]*)\}\s*from\s*'([^']+)';/g, (_, names: string, from: string) => {
    expect(modules, `the example imports ${from}`).toHaveProperty([from]);
    return `const {${names}} = __modules[${JSON.stringify(from)}];`;
  });
  const expected = example
    .split('\n')
    .filter((line) => line.includes('console.log('))
    .map((line) => /\/\/ → (.*)$/.exec(line)?.[1]);
  const logged: string[] = [];
  const console = { log: (...values: unknown[]) => logged.push(values.map(String).join(' ')) };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction('__modules', 'console', body)(modules, console);
  return { logged, expected };
}
