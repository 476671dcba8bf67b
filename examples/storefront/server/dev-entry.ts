/**
 * What `npm run dev` runs inside Vite (server/dev.mjs loads it with `ssrLoadModule`, so
 * the TypeScript sources run as they are): the sandbox on a port, or the one at
 * KUSTOM_SANDBOX_URL, and the merchant server's handler for the shop's API.
 */
import { readFile } from 'node:fs/promises';
import { createKustomClient } from '@kustom/sdk';
import { startSandboxServer } from '@kustom/sandbox/server';
import { createMerchantServer } from './merchant-server.js';

export async function startDev(publicUrl: string) {
  let sandboxUrl = process.env.KUSTOM_SANDBOX_URL;
  let close = async () => {};
  if (!sandboxUrl) {
    const sandbox = await startSandboxServer({ port: Number(process.env.SANDBOX_PORT ?? 4010), seed: 'demo' });
    sandboxUrl = sandbox.url;
    close = () => sandbox.close();
  }
  const logo = `data:image/png;base64,${(await readFile(new URL('./logo.png', import.meta.url))).toString('base64')}`;
  const merchant = createMerchantServer({
    kustom: createKustomClient({ apiKey: process.env.KUSTOM_API_KEY ?? 'kco_test_api_sandbox', baseUrl: sandboxUrl }),
    elements: { publicApiKey: process.env.KUSTOM_PUBLIC_API_KEY ?? 'kustom_pk_test_sandbox', baseUrl: sandboxUrl },
    publicUrl,
    sandboxUrl,
    logo,
  });
  return { handle: merchant.handle, sandboxUrl, close };
}
