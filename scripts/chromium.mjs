/**
 * Debian's Chromium and the flags that work headless here (as root, on a small
 * machine): shared by every browser test, bench and screenshot script in the repo.
 * Nothing downloads its own browser.
 */
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
