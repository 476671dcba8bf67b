#!/usr/bin/env node
/**
 * Checks the plain-HTML demo end to end and saves screenshots: starts the sandbox
 * (its built CLI server) and a web-dev-server that resolves npm imports to the
 * built packages, opens demo/index.html in Chromium, waits for the three elements,
 * chooses a pickup point option, and writes demo/screenshot-*.png.
 *
 * Needs `npm run build` first. `node packages/elements/demo/screenshot.mjs`
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, offlineNoise } from '../../../scripts/chromium.mjs';
import { startDevServer } from '@web/dev-server';
import { startSandboxServer } from '@kustom/sandbox/server';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');

const sandbox = await startSandboxServer({ port: 4010, now: '2025-03-03T10:00:00Z' });
const server = await startDevServer({
  config: { rootDir: root, port: 8765, hostname: 'localhost', nodeResolve: true },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 760, height: 1400 } });
  const problems = [];
  page.on('console', (m) => {
    // Resource errors are reported (with their URL) by the response listener; the dev server serves Lit's dev build.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource') && !offlineNoise(m.text())) problems.push(`error: ${m.text()}`);
    if (m.type() === 'warning' && !m.text().includes('Lit is in dev mode')) problems.push(`warning: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`${r.status()} ${r.url()}`));
  await page.goto('http://localhost:8765/packages/elements/demo/index.html');
  const states = await page.waitForFunction(() => {
    const els = [...document.querySelectorAll('kustom-payment-method-display, kustom-delivery-method-display, kustom-express-buttons')];
    const s = els.map((e) => e.getAttribute('state'));
    return s.every((x) => x === 'ready' || x === 'error' || x === 'empty') && s;
  });
  console.log('states:', await states.jsonValue());
  await page.screenshot({ path: join(here, 'screenshot-ready.png'), fullPage: true });
  await page.locator('kustom-delivery-method-display input[name=o]').first().click();
  await page.screenshot({ path: join(here, 'screenshot-pickup.png'), fullPage: true });
  const form = await page.evaluate(() => [...new FormData(document.querySelector('form'))]);
  await page.evaluate(() => {
    document.body.style.background = '#101014';
    document.body.style.color = '#f2f2f5';
    for (const el of document.querySelectorAll('[purchase-country]')) el.setAttribute('theme', 'dark');
  });
  await page.screenshot({ path: join(here, 'screenshot-dark.png'), fullPage: true });
  console.log('form data:', JSON.stringify(form));
  console.log(problems.length ? `console problems:\n${problems.join('\n')}` : 'no console errors');
} finally {
  await browser.close();
  await server.stop();
  await sandbox.close();
}
