import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { writeAnswerHeaders } from './answer-headers'
import { type BenchDatabase, embedded, startFleet } from './fleet'

const PATH = '/v1/catalog?city=440300'
const CONNECTIONS = 20
const SECONDS = 8

type Load = { requestsPerSecond: number; p99Ms: number }

/** Loads every server of a fleet at once, the connections shared out; rates add up, the worst p99 counts. */
async function load(urls: string[]): Promise<Load> {
  const results = await Promise.all(urls.map((url) => autocannon({ url: url + PATH, connections: CONNECTIONS / urls.length, duration: SECONDS })))
  for (const [i, r] of results.entries()) if (r.non2xx > 0 || r.errors > 0) throw new Error(`${urls[i]}: ${r.non2xx} non-2xx, ${r.errors} errors`)
  return { requestsPerSecond: results.reduce((sum, r) => sum + r.requests.average, 0), p99Ms: Math.max(...results.map((r) => r.latency.p99)) }
}

export interface CatalogReadOptions {
  database?: BenchDatabase
  /** Server processes sharing the database (and as many bare servers). */
  processes?: number
  rounds?: number
}

/**
 * Catalog read throughput of the platform against bare node:http servers
 * sending the same bytes, measured in the same run (alternating rounds, best
 * of each) because the machine is noisy. Budget: ≥ 50% of bare.
 */
export async function catalogRead({ database = embedded, processes = 1, rounds = 2 }: CatalogReadOptions = {}) {
  const platform = await startFleet('bench/serve-platform.ts', processes, [], database.env)
  let bare: Awaited<ReturnType<typeof startFleet>> | undefined
  try {
    const answer = await fetch(platform.urls[0] + PATH)
    const body = await answer.text()
    const bodyFile = join(tmpdir(), `onecity-catalog-${process.pid}.json`)
    writeFileSync(bodyFile, body)
    bare = await startFleet('bench/serve-bare.ts', processes, [bodyFile, writeAnswerHeaders(answer, 'catalog')])
    await load(platform.urls) // warm-up: JIT, caches
    const measured = { platform: [] as Load[], bare: [] as Load[] }
    for (let i = 0; i < rounds; i++) {
      measured.bare.push(await load(bare.urls))
      measured.platform.push(await load(platform.urls))
    }
    const best = (list: Load[]) => list.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a))
    const p = best(measured.platform)
    const b = best(measured.bare)
    const ratio = p.requestsPerSecond / b.requestsPerSecond
    return {
      path: PATH,
      database: database.label,
      processes,
      bodyBytes: Buffer.byteLength(body),
      connections: CONNECTIONS,
      secondsPerRound: SECONDS,
      platform: p,
      bare: b,
      ratio: Math.round(ratio * 1000) / 1000,
      budgetRatio: 0.5,
      withinBudget: ratio >= 0.5,
    }
  } finally {
    await platform.stop()
    await bare?.stop()
  }
}
