/**
 * Serves the built pages (Vite's `dist/client`) with a strict Content Security
 * Policy: no inline script or style, and only the Kustom host the elements talk to.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The pages' policy. `kustomOrigin` is where the elements fetch from and where the
 * express approval page lives (framed when the browser blocks the popup). Lit makes
 * one Trusted Types policy, `lit-html`; nothing else writes HTML.
 */
export function pageSecurityHeaders(kustomOrigin: string): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      // Chromium fetches Google Pay's payment method manifest when the express buttons ask whether it can pay.
      `connect-src 'self' ${kustomOrigin} https://google.com/pay`,
      `frame-src ${kustomOrigin}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "object-src 'none'",
      "require-trusted-types-for 'script'",
      'trusted-types lit-html',
    ].join('; '),
    // The express popup must still be able to message this page.
    'cross-origin-opener-policy': 'same-origin-allow-popups',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
  };
}

/** A handler for `root`: `/` and `/checkout/` serve their `index.html`, `/checkout` redirects to `/checkout/`. */
export function createStaticHandler(root: string, securityHeaders: Record<string, string>) {
  const base = normalize(root + sep);
  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = new URL(req.url ?? '/', 'http://x');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return false;
    }
    let file = normalize(join(base, pathname));
    if (!file.startsWith(base) || pathname.includes('\0')) return false;
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` });
        res.end();
        return true;
      }
      file = join(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) return false;
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string | number> = { 'content-type': type, 'content-length': info.size, 'x-content-type-options': 'nosniff' };
    if (type.startsWith('text/html')) Object.assign(headers, securityHeaders, { 'cache-control': 'no-cache' });
    // Vite puts a content hash in every file name under /assets/.
    else if (pathname.startsWith('/assets/')) headers['cache-control'] = 'public, max-age=31536000, immutable';
    else headers['cache-control'] = 'public, max-age=3600';
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  };
}
