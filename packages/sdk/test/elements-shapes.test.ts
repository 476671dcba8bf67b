/**
 * The browser's Elements client checks responses with `shapeIssues` against shapes
 * generated from the zod schemas. This file
 * 1. generates `src/schemas/elements-shapes.ts` (`npm run generate -w @kustom/sdk`
 *    rewrites it; without `-u` a stale file fails here), and
 * 2. holds the interpreter to zod's verdict on real sandbox answers and on random
 *    corruptions of them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createSandbox } from '@kustom/sandbox';
import { createElementsClient } from '@kustom/sdk/elements';
import {
  DeliveryMethodsPlacement,
  ElementsErrorBody,
  ExpressApprovalMessage,
  ExpressButtonsPlacement,
  PaymentMethodsPlacement,
} from '@kustom/sdk/schemas';
import { shapeIssues, type Shape } from '../src/internal/shape.js';
import * as shapes from '../src/schemas/elements-shapes.js';

const SCHEMAS = { PaymentMethodsPlacement, DeliveryMethodsPlacement, ExpressButtonsPlacement, ElementsErrorBody, ExpressApprovalMessage };

/** `z.toJSONSchema` output, trimmed to what `shapeIssues` reads. */
function trim(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(trim);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema' || key === 'additionalProperties' || key === 'format') continue;
    if ((key === 'maximum' || key === 'minimum') && Math.abs(value as number) === Number.MAX_SAFE_INTEGER) continue;
    out[key] = trim(value);
  }
  return out;
}

it('src/schemas/elements-shapes.ts is generated from the zod schemas', async () => {
  const body = Object.entries(SCHEMAS)
    .map(([name, schema]) => `export const ${name}Shape: Shape = ${JSON.stringify(trim(z.toJSONSchema(schema, { io: 'output' })), null, 2)};\n`)
    .join('\n');
  const source =
    '// Generated from schemas/elements.ts by test/elements-shapes.test.ts. Do not edit:\n' +
    '// run `npm run generate -w @kustom/sdk` after changing the schemas.\n' +
    "import type { Shape } from '../internal/shape.js';\n\n" +
    body;
  await expect(source).toMatchFileSnapshot('../src/schemas/elements-shapes.ts');
});

/** Real answers of the sandbox's Elements API, across markets. */
async function samples(): Promise<Array<{ name: keyof typeof SCHEMAS; value: unknown }>> {
  const sandbox = createSandbox({ now: '2025-06-02T09:00:00Z' });
  const raw = async (placement: string, query: string) =>
    (await sandbox.fetch(`http://localhost/kustom-elements-api/v1/placements/${placement}?client_id=kustom_pk_test_sandbox&${query}`)).json();
  const out: Array<{ name: keyof typeof SCHEMAS; value: unknown }> = [];
  for (const [country, currency, locale, postalCode] of [['SE', 'SEK', 'sv-SE', '11122'], ['NO', 'NOK', 'nb-NO', '0150'], ['DE', 'EUR', 'de-DE', '10115'], ['FI', 'EUR', 'fi-FI', '00100']]) {
    const query = `purchase_country=${country}&purchase_currency=${currency}&locale=${locale}&order_amount=49900&postal_code=${postalCode}`;
    out.push({ name: 'PaymentMethodsPlacement', value: await raw('AVAILABLE_PAYMENT_METHODS', query) });
    out.push({ name: 'DeliveryMethodsPlacement', value: await raw('DELIVERY_METHODS', query) });
    out.push({ name: 'ExpressButtonsPlacement', value: await raw('EXPRESS_BUTTONS', query) });
  }
  const refused = await sandbox.fetch('http://localhost/kustom-elements-api/v1/placements/AVAILABLE_PAYMENT_METHODS?client_id=kustom_pk_unknown');
  out.push({ name: 'ElementsErrorBody', value: await refused.json() });
  out.push({ name: 'ExpressApprovalMessage', value: { type: 'kustom:express', status: 'approved', order_id: 'o-1', redirect_url: 'https://shop.example/thanks' } });
  return out;
}

/** Every [path, container] inside a JSON value. */
function places(value: unknown, out: Array<[Record<string, unknown> | unknown[], string | number]> = []) {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([value, i]), places(v, out)));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) (out.push([value as Record<string, unknown>, k]), places(v, out));
  return out;
}

const corruption = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constantFrom('', 'x'.repeat(65), 'home', 'pickup_point', 'EXPRESS_BUTTONS', '{order_id}'),
  fc.string(),
  fc.integer({ min: -5, max: 20_000 }),
  fc.double({ noNaN: false }),
  fc.constant(Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }),
);

describe('shapeIssues agrees with zod', () => {
  it('accepts every real answer and names nothing', async () => {
    for (const { name, value } of await samples()) {
      expect(SCHEMAS[name].safeParse(value).error?.issues ?? [], name).toEqual([]);
      expect(shapeIssues(shapes[`${name}Shape`] as Shape, value), name).toEqual([]);
    }
  });

  it('gives the same verdict and the same first field on random corruptions', async () => {
    const all = await samples();
    fc.assert(
      fc.property(fc.nat(all.length - 1), fc.nat(), corruption, (which, where, replacement) => {
        const { name, value } = all[which]!;
        const copy = structuredClone(value);
        const spots = places(copy);
        const [container, key] = spots[where % spots.length]!;
        if (replacement === undefined && !Array.isArray(container)) delete (container as Record<string, unknown>)[key];
        else (container as Record<string | number, unknown>)[key] = replacement;
        const zod = SCHEMAS[name].safeParse(copy);
        const ours = shapeIssues(shapes[`${name}Shape`] as Shape, copy);
        expect(ours.length === 0).toBe(zod.success);
        if (!zod.success) expect(ours.map((i) => i.path)).toContain(zod.error.issues[0]!.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join(''));
      }),
      { numRuns: 2000 },
    );
  });

  it('the browser client refuses a malformed answer naming the field', async () => {
    const client = createElementsClient({
      publicApiKey: 'kustom_pk_test_sandbox',
      baseUrl: 'http://localhost',
      fetch: async () =>
        Response.json({ placement: 'DELIVERY_METHODS', delivery_options: [{ id: 'a', carrier: 'PostNord', name: 'Home', type: 'home', price: 49.5, tax_amount: 0, tax_rate: 0, currency: 'SEK', delivery_window: { earliest: '2025-06-03', latest: '2025-06-04' } }] }),
    });
    await expect(client.deliveryMethods({ locale: 'sv-SE', purchaseCountry: 'SE', currency: 'SEK' })).rejects.toMatchObject({
      name: 'KustomValidationError',
      side: 'response',
      field: 'delivery_options[0].price',
    });
  });
});
