import { createHash } from 'node:crypto'

/**
 * Deterministic pseudo-randomness for the simulated agencies: the same inputs
 * (a plate, an ID number, a hospital and date) always give the same data, on
 * every machine and every start.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  pick<T>(values: readonly T[]): T
  /** True with the given probability. */
  chance(p: number): boolean
  /** `n` decimal digits. */
  digits(n: number): string
}

/** SHA-256 of the parts as a 32-bit integer: a stable seed or bucket. */
export function hash32(...parts: (string | number)[]): number {
  return createHash('sha256').update(parts.join('\u0000')).digest().readUInt32BE(0)
}

/** A mulberry32 generator seeded from the parts. */
export function seeded(...parts: (string | number)[]): Rng {
  let state = hash32(...parts)
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: <T>(values: readonly T[]) => values[int(0, values.length - 1)] as T,
    chance: (p) => next() < p,
    digits: (n) => Array.from({ length: n }, () => String(int(0, 9))).join(''),
  }
}
