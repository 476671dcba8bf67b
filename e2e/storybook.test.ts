/**
 * Storybook smoke test: the static build, served by a plain local HTTP server,
 * opened in Debian's Chromium (playwright-core). Every story in `index.json` is
 * rendered on its own page (`iframe.html?id=…&viewMode=story`) and must
 * - finish (Storybook's `storyFinished`) with status `success`: its play function
 *   passed (each story's play function waits for the state the story shows) and
 *   the accessibility addon found no violation (`a11y.test: 'error'`);
 * - leave its element in the DOM with a reflected `state`;
 * - log no console error and throw no page error, in the story or in a window it opened.
 * Every docs page renders without an error and lists what the custom elements
 * manifest says about its element (attributes, events, parts, CSS custom properties).
 * The toolbar's language and theme and the controls render a story again (on a
 * fresh sandbox), and the manager UI lists the stories (a screenshot goes to
 * test-artifacts/storybook.png).
 *
 * The build is made first when it is missing or older than its sources
 * (`npm run build-storybook`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath, offlineNoise } from '../scripts/chromium.mjs';
import { startStaticServer, type StaticServer } from './helpers/static-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'stories/storybook-static');
const SOURCES = [
  'stories/src',
  'stories/.storybook',
  'stories/public',
  'stories/package.json',
  'packages/sdk/src',
  'packages/sandbox/src',
  'packages/elements/src',
  'packages/elements/custom-elements.json',
  'package-lock.json',
];

/** The newest modification time under `path` (a file or a directory). */
function newest(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

function ensureBuilt(): void {
  const built = statSync(join(out, 'index.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...SOURCES.map((path) => newest(join(root, path))));
  if (built > sources) return;
  const started = performance.now();
  const run = spawnSync('npm', ['run', 'build-storybook', '--silent'], {
    cwd: root,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`build-storybook failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  console.log(`storybook: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  tags?: string[];
}

// Collecting the tests needs the list of stories, so the build comes first.
ensureBuilt();
const entries = Object.values(
  (JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> }).entries,
);
const stories = entries.filter((entry) => entry.type === 'story');
const docs = entries.filter((entry) => entry.type === 'docs');

/** Storybook events the test listens to, recorded by an init script as soon as the channel exists. */
const CHANNEL_EVENTS = [
  'storyFinished',
  'storyErrored',
  'storyThrewException',
  'playFunctionThrewException',
  'unhandledErrorsWhilePlaying',
  'storyMissing',
  'docsRendered',
];

function recordChannel(events: string[]): void {
  const log: { type: string; args: unknown[] }[] = [];
  (window as any).__kustomEvents = log;
  let channel: any;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(next) {
      channel = next;
      for (const type of events) next?.on?.(type, (...args: unknown[]) => log.push({ type, args: JSON.parse(JSON.stringify(args)) }));
    },
  });
}

interface Report {
  type: string;
  status: string;
  result?: { violations?: { id: string; help: string; nodes: { target: unknown }[] }[]; error?: unknown };
}

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let origin: string;
/** Console errors and page errors of every page (the story and any popup it opens). */
let problems: string[] = [];

function watch(page: Page): void {
  page.on('console', (message) => {
    // A failed load is reported below with its URL.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource') && !offlineNoise(message.text())) {
      problems.push(`console.error on ${page.url()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.push(`HTTP ${response.status()} for ${response.url()} (on ${page.url()})`);
    }
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
}

beforeAll(async () => {
  // The build's assets have content hashes in their names: let the browser keep them
  // (and its compiled code) from one story to the next.
  server = await startStaticServer(out, (path) => (path.startsWith('/assets/') ? { 'cache-control': 'max-age=31536000, immutable' } : {}));
  origin = server.origin;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  await context.addInitScript(recordChannel, CHANNEL_EVENTS);
  context.on('page', watch);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

type ChannelEvent = { type: string; args: unknown[] };

/** Waits in the preview (a page or the manager's iframe) for the event that says it is done, or one that says it failed. */
async function settled(preview: Page | Frame, done: string): Promise<{ first: ChannelEvent; events: ChannelEvent[] }> {
  const handle = await preview
    .waitForFunction(
      (types) => ((window as any).__kustomEvents as ChannelEvent[] | undefined)?.find((event) => types.includes(event.type)),
      [done, 'storyErrored', 'storyThrewException', 'storyMissing'],
      { timeout: 60_000, polling: 100 },
    )
    .catch(async (error: Error) => {
      // Say where it stopped: Storybook's render phase and what the channel said so far.
      const where = await preview
        .evaluate(() => ({ phase: (window as any).__STORYBOOK_PREVIEW__?.currentRender?.phase, events: (window as any).__kustomEvents }))
        .catch(() => undefined);
      throw new Error(`${error.message}\n${JSON.stringify(where).slice(0, 2000)}\n${problems.join('\n')}`);
    });
  const first = (await handle.jsonValue()) as ChannelEvent;
  const events = (await preview.evaluate(() => (window as any).__kustomEvents)) as ChannelEvent[];
  return { first, events };
}

/** Opens an entry in the preview and waits until it is done. */
async function open(entry: IndexEntry, viewMode: 'story' | 'docs', done: string) {
  problems = [];
  const page = await context.newPage();
  await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}`);
  return { page, ...(await settled(page, done)) };
}

describe('Storybook (static build)', () => {
  it('has stories for every element and docs pages', () => {
    const titles = new Set(stories.map((story) => story.title));
    for (const title of ['Payment method display', 'Delivery method display', 'Express buttons', 'Checkout']) {
      expect(titles, title).toContain(title);
    }
    expect(docs.map((entry) => entry.title)).toEqual(expect.arrayContaining(['Payment method display', 'Introduction']));
  });

  it.each(stories.map((story) => [`${story.title} / ${story.name}`, story] as const))('%s', async (_, story) => {
    // Each story's play function waits for the state it shows: a story without one proves nothing.
    expect(story.tags, 'a play function').toContain('play-fn');
    const { page, first, events } = await open(story, 'story', 'storyFinished');
    try {
      expect(first.type, JSON.stringify(first.args).slice(0, 2000)).toBe('storyFinished');
      const failures = events.filter((event) => event.type !== 'storyFinished');
      expect(failures, JSON.stringify(failures).slice(0, 2000)).toEqual([]);
      const { status, reporters } = first.args[0] as { status: string; reporters: Report[] };
      const a11y = reporters.find((report) => report.type === 'a11y');
      const violations = (a11y?.result?.violations ?? []).map((v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
      expect(violations, 'axe violations').toEqual([]);
      expect(a11y?.status, JSON.stringify(a11y?.result?.error ?? null)).toBe('passed');
      expect(status).toBe('success');
      // The story's root rendered: its elements are there, each in a state.
      const states = await page.evaluate(() =>
        [...document.querySelectorAll('#storybook-root [state]')].filter((el) => el.localName.startsWith('kustom-')).map((el) => el.getAttribute('state')),
      );
      expect(states.length).toBeGreaterThan(0);
      for (const state of states) expect(['loading', 'ready', 'empty', 'error']).toContain(state);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  const manifest = JSON.parse(readFileSync(join(root, 'packages/elements/custom-elements.json'), 'utf8')) as {
    modules: { declarations?: { tagName?: string; attributes?: { name: string }[]; events?: { name: string }[]; cssParts?: { name: string }[]; cssProperties?: { name: string }[] }[] }[];
  };
  const declarations = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.tagName);
  const TAGS: Record<string, string> = {
    'Payment method display': 'kustom-payment-method-display',
    'Delivery method display': 'kustom-delivery-method-display',
    'Express buttons': 'kustom-express-buttons',
    Checkout: 'kustom-elements-provider',
  };

  it.each(docs.map((entry) => [entry.title, entry] as const))('docs: %s', async (title, entry) => {
    const { page, first } = await open(entry, 'docs', 'docsRendered');
    try {
      expect(first.type, JSON.stringify(first.args).slice(0, 2000)).toBe('docsRendered');
      const tag = TAGS[title];
      if (tag) {
        const declaration = declarations.find((d) => d.tagName === tag)!;
        const names = [
          ...(declaration.attributes ?? []),
          ...(declaration.events ?? []),
          ...(declaration.cssParts ?? []),
          ...(declaration.cssProperties ?? []),
        ].map((item) => item.name);
        expect(names.length).toBeGreaterThan(3);
        const text = await page.locator('#storybook-docs').innerText();
        expect(names.filter((name) => !text.includes(name)), 'manifest entries missing from the docs page').toEqual([]);
      }
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the toolbar (language, theme) and the controls (a sandbox fault, a CSS custom property) render the story again', async () => {
    problems = [];
    const page = await context.newPage();
    const id = 'payment-method-display--loaded';
    const element = () =>
      page.evaluate(() => {
        const el = document.querySelector('kustom-payment-method-display')!;
        const story = el.closest<HTMLElement>('.kustom-story')!;
        return { state: el.getAttribute('state'), theme: el.getAttribute('theme'), lang: story.lang, accent: story.style.getPropertyValue('--kustom-color-accent'), text: el.shadowRoot!.textContent!.replace(/\s+/g, ' ') };
      });
    const until = (state: string, lang: string) =>
      page.waitForFunction(
        ([state, lang]) => {
          const el = document.querySelector('kustom-payment-method-display');
          return el?.getAttribute('state') === state && el.closest('.kustom-story')?.getAttribute('lang') === lang;
        },
        [state, lang],
        { timeout: 30_000 },
      );
    try {
      await page.goto(`${origin}/iframe.html?id=${id}&viewMode=story&globals=locale:de-DE;theme:dark`);
      await until('ready', 'de-DE');
      expect(await element()).toMatchObject({ theme: 'dark', text: expect.stringContaining('Zahlungsart') });
      await page.evaluate(() => (window as any).__STORYBOOK_ADDONS_CHANNEL__.emit('updateGlobals', { globals: { locale: 'fi-FI', theme: 'default' } }));
      await until('ready', 'fi-FI');
      expect(await element()).toMatchObject({ theme: 'default', text: expect.stringContaining('Maksutapa') });
      await page.evaluate(
        (storyId) =>
          (window as any).__STORYBOOK_ADDONS_CHANNEL__.emit('updateStoryArgs', {
            storyId,
            updatedArgs: { failure: 'status 503', '--kustom-color-accent': '#c2185b' },
          }),
        id,
      );
      await until('error', 'fi-FI');
      expect(await element()).toMatchObject({ accent: '#c2185b', text: expect.stringContaining('Yritä uudelleen') });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the manager UI lists the stories and shows the checkout (screenshot: test-artifacts/storybook.png)', async () => {
    problems = [];
    const page = await context.newPage();
    try {
      await page.setViewportSize({ width: 1440, height: 1000 });
      await page.goto(`${origin}/index.html?path=/story/checkout--page`);
      const sidebar = page.locator('#storybook-explorer-tree');
      for (const title of ['Introduction', 'Checkout', 'Payment method display', 'Delivery method display', 'Express buttons']) {
        await sidebar.getByText(title, { exact: true }).first().waitFor({ timeout: 60_000 });
      }
      await page.locator('#storybook-preview-iframe').waitFor();
      const preview = page.frames().find((frame) => frame.url().includes('iframe.html'))!;
      const { first } = await settled(preview, 'storyFinished');
      expect((first.args[0] as { status: string }).status).toBe('success');
      const dir = join(root, 'test-artifacts');
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, 'storybook.png') });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
