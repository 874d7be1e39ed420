/** FNV-1a of a string: a stable number per id, so the demo varies the same way on every machine. */
export function stableHash(text: string): number {
  let h = 2166136261
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619)
  return h >>> 0
}
