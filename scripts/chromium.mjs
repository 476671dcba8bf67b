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

/**
 * Console messages that only say this machine is offline: the express buttons ask
 * the Payment Request API whether the shopper can pay with Google Pay, for which
 * Chromium downloads Google Pay's payment method manifest from https://google.com/pay
 * (no DNS here, so it logs a console error and the answer is "no"). Tests that fail
 * on console errors leave these out; anything else still counts.
 */
export const offlineNoise = (text) => /^Unable to download payment manifest "https:\/\/google\.com\/pay"/.test(text);
