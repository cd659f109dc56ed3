/** Deterministic pseudo-random numbers, so every sandbox start serves the same seeded data. */
export interface Random {
  /** a float in [0, 1) */
  next(): number;
  /** an integer in [min, max] */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** `length` characters from `alphabet` */
  string(length: number, alphabet?: string): string;
  /** a version-4-shaped UUID */
  uuid(): string;
  /** true with probability p */
  chance(p: number): boolean;
}

/** mulberry32: tiny, fast and good enough for fixtures. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick() needs at least one item');
    return items[int(0, items.length - 1)] as T;
  };
  const string = (length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string =>
    Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)]).join('');
  const uuid = (): string => {
    const hex = string(32, '0123456789abcdef');
    const variant = '89ab'[int(0, 3)];
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  return { next, int, pick, string, uuid, chance: (p) => next() < p };
}
