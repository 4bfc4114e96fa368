/**
 * Deterministic randomness: every generated record is a pure function of (seed, index, salt), so any
 * record can be derived on demand without materialising the dataset, and the same seed always yields
 * byte-identical data.
 */

// Module-level aliases: a global `Math` lookup per call is slow inside vm sandboxes (e.g. jest), and
// these functions run millions of times when the software index is built.
const imul = Math.imul;
const floor = Math.floor;

/** A 32-bit avalanche mix (lowbias32). */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of up to four non-negative integers (each below 2^32) into an unsigned 32-bit value. */
export function hash32(a: number, b = 0, c = 0, d = 0): number {
  let h = mix32(a ^ 0x9e3779b9);
  h = mix32(h ^ mix32(b + 0x85ebca6b));
  h = mix32(h ^ mix32(c + 0xc2b2ae35));
  h = mix32(h ^ mix32(d + 0x27d4eb2f));
  return h;
}

/** Stable 32-bit hash of a string (FNV-1a, then mixed). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = imul(h, 0x01000193);
  }
  return mix32(h);
}

/** mulberry32: a small, fast, good-enough PRNG for synthetic data. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[floor(this.next() * items.length)] as T;
  }

  /** Picks by weight; `weights` are relative and need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }
}

export function rngFor(a: number, b = 0, c = 0, d = 0): Rng {
  return new Rng(hash32(a, b, c, d));
}

const HEX_WORD_WIDTH = 8;

/** `words` × 8 hex characters derived from the key. */
export function hexFor(words: number, a: number, b = 0, c = 0): string {
  let out = '';
  for (let w = 0; w < words; w++)
    out += hash32(a, b, c, w + 1)
      .toString(16)
      .padStart(HEX_WORD_WIDTH, '0');
  return out;
}

/** A `sha256:` digest (64 hex) derived from the key. */
export function sha256For(a: number, b = 0, c = 0): string {
  return `sha256:${hexFor(8, a, b, c)}`;
}

/** A version-4-shaped UUID derived from the key. */
export function uuidFor(a: number, b = 0, c = 0): string {
  const hex = hexFor(4, a, b, c);
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Salts keep the derived streams of one index independent of each other. */
export const SALT = {
  projectId: 11,
  repository: 101,
  tags: 102,
  image: 201,
  imageId: 202,
  imageDigest: 203,
  association: 204,
  layer: 205,
  baseLayer: 206,
  rescan: 207,
  appSelection: 301,
  appDetail: 302,
  appCompliance: 303,
  productImage: 401,
  registry: 501,
  faults: 601,
  ids: 701,
} as const;
