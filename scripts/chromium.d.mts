/** Debian's Chromium binary (`CHROMIUM` overrides it). */
export declare const chromiumPath: string;
/** The flags that run Chromium headless here, as root, with no network beyond loopback. */
export declare const chromiumArgs: string[];
/** Console messages that only say this machine is offline (Chromium's Google Pay manifest download). */
export declare const offlineNoise: (text: string) => boolean;
