/**
 * A seeded pseudo-random generator (sfc32), so that ids, references and the demo
 * data are the same on every run with the same seed. Its whole state is four 32-bit
 * integers, which the sandbox snapshots and restores with the rest of its state.
 *
 * Not for cryptography: the sandbox only needs reproducible, well-spread values.
 */

export type RandomState = [number, number, number, number];

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `true` with the given probability (0–1). */
  chance(probability: number): boolean;
  /** A version 4 UUID built from the generator. */
  uuid(): string;
  /** `length` characters of `alphabet`. */
  code(length: number, alphabet?: string): string;
  /** The current state, to snapshot. */
  state(): RandomState;
}

/** Upper-case letters and digits without the look-alikes 0/O and 1/I. */
export const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 32-bit FNV-1a hash of a string: stable seeds from text (a postal code, a seed name). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The initial state for a numeric or textual seed. */
export function seedState(seed: number | string): RandomState {
  const s = typeof seed === 'number' ? seed >>> 0 : hash32(seed);
  const state: RandomState = [0x9e3779b9, 0x243f6a88, 0xb7e15162, s];
  const random = createRandom(state);
  // Warm up so that nearby seeds diverge.
  for (let i = 0; i < 15; i++) random.next();
  return random.state();
}

/** A generator continuing from `state` (which it copies). */
export function createRandom(initial: RandomState): Random {
  let [a, b, c, d] = initial;

  function nextUint32(): number {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }

  const next = () => nextUint32() / 4294967296;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));

  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
    chance: (probability) => probability >= 1 || (probability > 0 && next() < probability),
    uuid() {
      const bytes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const n = nextUint32();
        bytes.push(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
      }
      bytes[6] = (bytes[6]! & 0x0f) | 0x40;
      bytes[8] = (bytes[8]! & 0x3f) | 0x80;
      const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
    code(length, alphabet = REFERENCE_ALPHABET) {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[int(0, alphabet.length - 1)];
      return out;
    },
    state: () => [a >>> 0, b >>> 0, c >>> 0, d >>> 0],
  };
}

/** A version 4 UUID from the platform's cryptographic generator (Node and every browser, secure context or not). */
export function randomUuid(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
