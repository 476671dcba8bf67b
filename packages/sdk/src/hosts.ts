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

/**
 * The Elements API host for an environment: `https://js.{playground|live}.kustom.co`,
 * where Kustom's script is served and its official plugin validates public keys
 * (`/kustom-elements-api/v1/placements/…`). One host per environment, for every region.
 *
 * @example elementsHost('playground') // "https://js.playground.kustom.co"
 * @example elementsHost('live')       // "https://js.live.kustom.co"
 */
export function elementsHost(environment: Environment = 'playground'): string {
  return `https://js.${environment}.kustom.co`;
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
