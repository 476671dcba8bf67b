/**
 * Runs the "Order management" example of the SDK README as it stands, against the
 * in-process sandbox, and checks every `console.log(…); // → expected` line. The
 * example is plain JavaScript-compatible TypeScript; its `import` lines are bound to
 * the modules this test imported.
 */
import { expect, it } from 'vitest';
import * as sandboxModule from '@kustom/sandbox';
import * as sdk from '@kustom/sdk';
import { readmeExample, runReadmeExample } from '../helpers/readme-example.js';

const example = readmeExample('orders');

it('the README example captures two of three lines, refunds one and releases the rest', async () => {
  expect(example).toContain('releaseRemainingAuthorization');
  const { logged, expected } = await runReadmeExample(example, { '@kustom/sdk': sdk, '@kustom/sandbox': sandboxModule });
  expect(expected.every((e) => e !== undefined)).toBe(true);
  expect(logged).toEqual(expected);
});
