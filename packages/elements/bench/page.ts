/**
 * The bench page (bundled by render.bench.mjs, production build of Lit): the
 * elements against the in-page sandbox. `kustomBench(scenario, runs)` inserts
 * an element `runs` times and measures, for each insertion, the time to
 * `kustom-ready` (data loaded and rendered) and to the frame after it (painted).
 */
import type { DeliveryOption } from '@kustom/sdk/elements';
import { createSandbox, type SandboxFetch } from '@kustom/sandbox';
import { configure } from '../src/index.js';
import '../src/define/index.js';

const sandbox = createSandbox({ origin: () => location.origin, now: '2025-03-03T10:00:00Z' });

/** 50 delivery options with 20 pickup points each, built from the sandbox's own answer. */
const fiftyByTwenty: SandboxFetch = async (input, init) => {
  const response = await sandbox.fetch(input, init);
  const body = (await response.json()) as { delivery_options: DeliveryOption[] };
  const pickup = body.delivery_options.find((o) => o.type === 'pickup_point')!;
  const point = pickup.pickup_points![0]!;
  body.delivery_options = Array.from({ length: 50 }, (_, i) => ({
    ...pickup,
    id: `option-${i}`,
    name: `${pickup.name} ${i + 1}`,
    pickup_points: Array.from({ length: 20 }, (_, j) => ({ ...point, id: `option-${i}-point-${j}`, name: `${point.name} ${j + 1}` })),
  }));
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};

interface Scenario {
  tag: string;
  attributes: Record<string, string>;
  fetch: SandboxFetch;
  /** After ready: something to do and time (e.g. open a pickup point list). */
  then?: (element: HTMLElement) => Promise<void>;
}

const SCENARIOS: Record<string, Scenario> = {
  'payment methods (sandbox, sv-SE)': {
    tag: 'kustom-payment-method-display',
    attributes: { locale: 'sv-SE', amount: '49900' },
    fetch: sandbox.fetch,
  },
  'delivery options (sandbox, sv-SE)': {
    tag: 'kustom-delivery-method-display',
    attributes: { locale: 'sv-SE', 'postal-code': '11122' },
    fetch: sandbox.fetch,
  },
  'express buttons (sandbox, sv-SE)': {
    tag: 'kustom-express-buttons',
    attributes: { locale: 'sv-SE' },
    fetch: sandbox.fetch,
  },
  'delivery: 50 options × 20 pickup points': {
    tag: 'kustom-delivery-method-display',
    attributes: { locale: 'sv-SE', 'postal-code': '11122' },
    fetch: fiftyByTwenty,
  },
};

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

async function once({ tag, attributes, fetch }: Scenario): Promise<[number, number]> {
  configure({ publicApiKey: 'kustom_pk_test_sandbox', baseUrl: location.origin, fetch });
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const ready = new Promise((resolve, reject) => {
    element.addEventListener('kustom-ready', resolve, { once: true });
    element.addEventListener('kustom-error', (event) => reject(new Error(JSON.stringify((event as CustomEvent).detail))), { once: true });
  });
  const start = performance.now();
  document.body.append(element);
  await ready;
  const toReady = performance.now() - start;
  await frame();
  const toFrame = performance.now() - start;
  element.remove();
  return [toReady, toFrame];
}

/** Choosing the first option of the 50 × 20 list: time until its 20 points are rendered. */
async function openPickupList(): Promise<number> {
  configure({ publicApiKey: 'kustom_pk_test_sandbox', baseUrl: location.origin, fetch: fiftyByTwenty });
  const element = document.createElement('kustom-delivery-method-display') as HTMLElement & { updateComplete: Promise<boolean> };
  element.setAttribute('locale', 'sv-SE');
  const ready = new Promise((resolve) => element.addEventListener('kustom-ready', resolve, { once: true }));
  document.body.append(element);
  await ready;
  const start = performance.now();
  element.shadowRoot!.querySelector<HTMLInputElement>('input[name=o]')!.click();
  await element.updateComplete;
  const elapsed = performance.now() - start;
  if (element.shadowRoot!.querySelectorAll('input[name=p]').length !== 20) throw new Error('pickup points not rendered');
  element.remove();
  return elapsed;
}

declare global {
  interface Window {
    kustomBench(runs: number): Promise<Record<string, { first: number[]; rest: number[][] }>>;
  }
}

window.kustomBench = async (runs) => {
  const results: Record<string, { first: number[]; rest: number[][] }> = {};
  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    const first = await once(scenario);
    const rest: number[][] = [];
    for (let i = 0; i < runs; i++) rest.push(await once(scenario));
    results[name] = { first, rest };
  }
  const opens: number[] = [];
  for (let i = 0; i < runs; i++) opens.push(await openPickupList());
  results['choose a pickup option (20 points appear)'] = { first: [opens[0]!, opens[0]!], rest: opens.slice(1).map((t) => [t, t]) };
  return results;
};
