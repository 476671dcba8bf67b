/** The server-side client for the Kustom API (secret key). */
export {};
