/**
 * Runs the "Back office" example of the SDK README as it stands, against the
 * sandbox's demo store on a fixed clock, and checks every `console.log(…); // → …`
 * line. The `import` lines are bound to the modules this test imported.
 */
import { expect, it } from 'vitest';
import * as sandboxModule from '@kustom/sandbox';
import * as sdk from '@kustom/sdk';
import { readmeExample, runReadmeExample } from '../helpers/readme-example.js';

const example = readmeExample('back-office');

it('the README back-office example gives what its comments say', async () => {
  for (const helper of ['searchOrders', 'ordersToCsv', 'findRepeatedOrders', 'renderPackingSlip', 'insightsOverview', 'expiringOrders', 'createKustomStores']) {
    expect(example).toContain(`${helper}(`);
  }
  const { logged, expected } = await runReadmeExample(example, { '@kustom/sdk': sdk, '@kustom/sandbox': sandboxModule });
  expect(expected.every((e) => e !== undefined)).toBe(true);
  expect(logged).toEqual(expected);
});
