/** What createKustomClient refuses at construction, and where requests go. */
import { afterEach, describe, expect, it } from 'vitest';
import { KustomError, createKustomClient, type KustomClientOptions } from '@kustom/sdk';

const TEST_KEY = 'kco_test_api_abc123';
const LIVE_KEY = 'kco_live_api_abc123';

function refused(options: KustomClientOptions, message: RegExp): KustomError {
  let error: unknown;
  try {
    createKustomClient(options);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(KustomError);
  expect((error as Error).name).toBe('KustomError');
  expect((error as Error).message).toMatch(message);
  return error as KustomError;
}

describe('hosts', () => {
  it.each([
    [{}, 'https://api.playground.kustom.co'],
    [{ region: 'na' }, 'https://api-na.playground.kustom.co'],
    [{ region: 'oc' }, 'https://api-oc.playground.kustom.co'],
    [{ environment: 'playground', region: 'eu' }, 'https://api.playground.kustom.co'],
  ] as const)('a test key with %o → %s', (options, host) => {
    expect(createKustomClient({ apiKey: TEST_KEY, ...options }).baseUrl).toBe(host);
  });

  it.each([
    [{ environment: 'live' }, 'https://api.kustom.co'],
    [{ environment: 'live', region: 'na' }, 'https://api-na.kustom.co'],
    [{ environment: 'live', region: 'oc' }, 'https://api-oc.kustom.co'],
  ] as const)('a live key with %o → %s', (options, host) => {
    expect(createKustomClient({ apiKey: LIVE_KEY, ...options }).baseUrl).toBe(host);
  });

  it('baseUrl overrides the host (the local sandbox takes a test key)', () => {
    expect(createKustomClient({ apiKey: 'kco_test_api_sandbox', baseUrl: 'http://127.0.0.1:4010' }).baseUrl).toBe('http://127.0.0.1:4010');
    expect(createKustomClient({ apiKey: TEST_KEY, baseUrl: 'http://localhost:4010/' }).baseUrl).toBe('http://localhost:4010');
  });
});

describe('the environment / key guard', () => {
  it('refuses a test key against a live host', () => {
    refused({ apiKey: TEST_KEY, environment: 'live' }, /test API key .* environment: 'live'/);
    refused({ apiKey: TEST_KEY, baseUrl: 'https://api.kustom.co' }, /test API key .*must never reach a live host/);
    refused({ apiKey: TEST_KEY, baseUrl: 'https://api-na.kustom.co/' }, /must never reach a live host \(https:\/\/api-na\.kustom\.co\)/);
  });

  it('refuses a live key against the playground (the default environment)', () => {
    refused({ apiKey: LIVE_KEY }, /live API key .*playground.*environment: 'live'/);
    refused({ apiKey: LIVE_KEY, region: 'na' }, /must never reach the playground \(https:\/\/api-na\.playground\.kustom\.co\)/);
    refused({ apiKey: LIVE_KEY, environment: 'playground' }, /live API key .* environment: 'playground'/);
    refused({ apiKey: LIVE_KEY, environment: 'live', baseUrl: 'https://api.playground.kustom.co' }, /must never reach the playground/);
  });

  it('sends a live key over https only: a proxy yes, the local sandbox no', () => {
    expect(createKustomClient({ apiKey: LIVE_KEY, environment: 'live', baseUrl: 'https://egress.example.com/kustom' }).baseUrl).toBe(
      'https://egress.example.com/kustom',
    );
    refused({ apiKey: LIVE_KEY, environment: 'live', baseUrl: 'http://127.0.0.1:4010' }, /only sent over https.*test key/);
  });

  it('refuses missing, mixed or malformed credentials', () => {
    refused({} as KustomClientOptions, /Pass apiKey/);
    refused({ apiKey: '' }, /apiKey must be a Kustom API key/);
    refused({ apiKey: 'sk_test_123' }, /kco_test_api_… \(playground\) or kco_live_api_…/);
    refused({ apiKey: 'kco_test_api_ with space' }, /apiKey must be/);
    refused({ apiKey: TEST_KEY, username: 'K1-a', password: 'x' } as unknown as KustomClientOptions, /either apiKey, or username and password/);
    refused({ username: 'K1-a' } as KustomClientOptions, /go together/);
    refused(undefined as unknown as KustomClientOptions, /options object/);
  });

  it('refuses options that cannot be right', () => {
    refused({ apiKey: TEST_KEY, environment: 'production' as never }, /environment must be 'playground' or 'live'/);
    refused({ apiKey: TEST_KEY, region: 'us' as never }, /region must be one of 'eu', 'na', 'oc'/);
    refused({ apiKey: TEST_KEY, baseUrl: 'api.kustom.co' }, /baseUrl must be an absolute/);
    refused({ apiKey: TEST_KEY, baseUrl: 'ftp://127.0.0.1' }, /http: or https:/);
    refused({ apiKey: TEST_KEY, baseUrl: 'http://127.0.0.1:4010?x=1' }, /query/);
    refused({ apiKey: TEST_KEY, timeout: 0 }, /timeout must be/);
    refused({ apiKey: TEST_KEY, timeout: Number.NaN }, /timeout must be/);
    refused({ apiKey: TEST_KEY, maxRetries: -1 }, /maxRetries must be/);
    refused({ apiKey: TEST_KEY, retryBackoff: { maxDelay: -5 } }, /retryBackoff\.maxDelay must be/);
    refused({ apiKey: TEST_KEY, headers: { 'bad header': 'x' } }, /headers must be valid/);
  });
});

describe('the browser guard', () => {
  const scope = globalThis as { window?: unknown; document?: unknown };
  afterEach(() => {
    delete scope.window;
    delete scope.document;
  });

  it('refuses a secret key in a page unless dangerouslyAllowBrowser', () => {
    scope.window = {};
    scope.document = {};
    refused({ apiKey: TEST_KEY }, /runs on your server.*createElementsClient.*dangerouslyAllowBrowser/);
    refused({ username: 'K1-a', password: 'pw' }, /runs on your server/);
    expect(createKustomClient({ apiKey: TEST_KEY, dangerouslyAllowBrowser: true }).baseUrl).toBe('https://api.playground.kustom.co');
  });

  it('allows workers and server runtimes that have no document', () => {
    scope.window = {};
    expect(() => createKustomClient({ apiKey: TEST_KEY })).not.toThrow();
  });
});

describe('the client object', () => {
  it('is frozen', () => {
    const kustom = createKustomClient({ apiKey: TEST_KEY });
    expect(Object.isFrozen(kustom)).toBe(true);
    expect(Object.isFrozen(kustom.orders)).toBe(true);
    expect(Object.isFrozen(kustom.checkout.orders)).toBe(true);
  });
});
