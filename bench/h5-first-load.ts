import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const BUDGET_GZIP_BYTES = 150 * 1024

/**
 * JavaScript the H5 home loads before it can render: every script the built
 * index.html references, gzip-compressed as a server would send it.
 */
export function h5FirstLoad(dir = 'dist-h5') {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!.replace(/^\.?\//, ''))
  const files = scripts.map((src) => {
    const bytes = readFileSync(join(dir, src))
    return { src, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length }
  })
  const gzipBytes = files.reduce((n, f) => n + f.gzipBytes, 0)
  return { files, gzipBytes, budgetGzipBytes: BUDGET_GZIP_BYTES, withinBudget: gzipBytes <= BUDGET_GZIP_BYTES }
}
