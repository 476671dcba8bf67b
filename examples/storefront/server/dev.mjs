#!/usr/bin/env node
/**
 * `npm run dev`: the storefront with hot reload. Vite serves the pages (middleware mode)
 * and runs the merchant server's TypeScript directly; the merchant server answers /api
 * and hands everything else to Vite. Starts a sandbox with the demo data unless
 * KUSTOM_SANDBOX_URL points at one. PORT (default 4000).
 */
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer as createVite } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 4000);
const publicUrl = `http://localhost:${port}`;

const vite = await createVite({ root, configFile: join(root, 'vite.config.ts'), server: { middlewareMode: true }, appType: 'mpa' });
const { startDev } = await vite.ssrLoadModule('/server/dev-entry.ts');
const dev = await startDev(publicUrl);

const server = createServer((req, res) => void dev.handle(req, res, () => vite.middlewares(req, res)));
server.listen(port, '127.0.0.1', () => {
  console.log(`Storefront (dev) listening on ${publicUrl}  ·  back office ${publicUrl}/back-office/  ·  sandbox ${dev.sandboxUrl}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    server.close();
    server.closeAllConnections();
    await Promise.allSettled([vite.close(), dev.close()]);
    process.exit(0);
  });
}
