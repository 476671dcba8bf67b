/** Debian's Chromium binary (`CHROMIUM` overrides it). */
export declare const chromiumPath: string;
/** The flags that run Chromium headless here, as root, with no network beyond loopback. */
export declare const chromiumArgs: string[];
