/**
 * Runs the "Order management" example of the SDK README as it stands, against the
 * in-process sandbox, and checks every `console.log(…); // → expected` line. The
 * example is plain JavaScript-compatible TypeScript; its `import` lines are bound to
 * the modules this test imported.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import * as sandboxModule from '@kustom/sandbox';
import * as sdk from '@kustom/sdk';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('<!-- orders:start -->'), readme.indexOf('<!-- orders:end -->'));
const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

it('the README example captures two of three lines, refunds one and releases the rest', async () => {
  expect(example).toContain('releaseRemainingAuthorization');
  const modules: Record<string, unknown> = { '@kustom/sdk': sdk, '@kustom/sandbox': sandboxModule };
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
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction('__modules', 'console', body)(modules, console);
  expect(expected.every((e) => e !== undefined)).toBe(true);
  expect(logged).toEqual(expected);
});
