/** Where the Kustom API lives (facts page: hosts and authentication). */

export type Environment = 'playground' | 'live';
export type Region = 'eu' | 'na' | 'oc';

export const ENVIRONMENTS: readonly Environment[] = ['playground', 'live'];
export const REGIONS: readonly Region[] = ['eu', 'na', 'oc'];

/**
 * The API host for an environment and region:
 * `https://api{-na|-oc}{.playground}.kustom.co`.
 *
 * @example apiHost('playground', 'eu') // "https://api.playground.kustom.co"
 * @example apiHost('live', 'na')       // "https://api-na.kustom.co"
 */
export function apiHost(environment: Environment = 'playground', region: Region = 'eu'): string {
  return `https://api${region === 'eu' ? '' : `-${region}`}${environment === 'playground' ? '.playground' : ''}.kustom.co`;
}

/** `true` when the URL points at one of Kustom's live hosts. */
export function isLiveHost(url: string): boolean {
  const host = safeHost(url);
  return host !== undefined && /^api(-na|-oc)?\.kustom\.co$/.test(host);
}

/** `true` when the URL points at one of Kustom's playground hosts. */
export function isPlaygroundHost(url: string): boolean {
  const host = safeHost(url);
  return host !== undefined && /^api(-na|-oc)?\.playground\.kustom\.co$/.test(host);
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
