/** A stretch of same-coloured modules in one row of a QR code. */
export interface ModuleRun {
  dark: boolean
  length: number
}

/**
 * One row of modules as runs of equal colour, left to right, with `quiet`
 * light modules added at each end (the quiet zone scanners need). Drawing
 * runs instead of single modules keeps a QR code to a few hundred views,
 * which matters for mini-program rendering.
 */
export function moduleRuns(row: readonly boolean[], quiet = 0): ModuleRun[] {
  const runs: ModuleRun[] = []
  const push = (dark: boolean, length: number) => {
    if (length <= 0) return
    const last = runs[runs.length - 1]
    if (last && last.dark === dark) last.length += length
    else runs.push({ dark, length })
  }
  push(false, quiet)
  for (const dark of row) push(dark, 1)
  push(false, quiet)
  return runs
}
