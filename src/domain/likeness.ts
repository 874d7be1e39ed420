/** Edit distance (insert, delete or replace one character, by code point) between two strings. */
export function editDistance(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  let row = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const next = [i]
    for (let j = 1; j <= y.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1))
    row = next
  }
  return row[y.length]!
}

/** 0–1: how alike two names are, 1 − edit distance / the longer length (0 when either is empty). */
export function likeness(a: string, b: string): number {
  return a === '' || b === '' ? 0 : 1 - editDistance(a, b) / Math.max([...a].length, [...b].length)
}
