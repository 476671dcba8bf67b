/**
 * Runs the "Back office" example of the SDK README as it stands, against the
 * sandbox's demo store on a fixed clock, and checks every `console.log(…); // → …`
 * line. The `import` lines are bound to the modules this test imported.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import * as sandboxModule from '@kustom/sandbox';
import * as sdk from '@kustom/sdk';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('<!-- back-office:start -->'), readme.indexOf('<!-- back-office:end -->'));
const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

it('the README back-office example gives what its comments say', async () => {
  for (const helper of ['searchOrders', 'ordersToCsv', 'findRepeatedOrders', 'renderPackingSlip', 'insightsOverview', 'expiringOrders', 'createKustomStores']) {
    expect(example).toContain(`${helper}(`);
  }
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
