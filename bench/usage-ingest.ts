import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import autocannon from 'autocannon'

const PATH = '/v1/usage'
const CONNECTIONS = 200
const SECONDS = 6
const ROUNDS = 2
/** Records per batch: one citizen's first uses of two services in a month, plus their events. */
const ACTIVES = 8
const EVENTS = 6

function serve(script: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve({ url: String(chunk).trim(), child }))
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)))
  })
}

/** A realistic batch with a fresh random id each time (a resent id would count nothing). */
function batchBody(month: string): string {
  const scopes = ['all', 'prov:44', 'city:440300', 'type:travel@440300', 'domain:public-transport@440300', 'type:life@440300', 'domain:utilities@440300', 'city:440100']
  return JSON.stringify({
    v: 1,
    batch: randomBytes(16).toString('base64url'),
    actives: scopes.slice(0, ACTIVES).map((scope, i) => ({ scope, month, returning: i % 3 === 1, first: i % 5 === 0 })),
    events: Array.from({ length: EVENTS }, (_, i) => ({ service: i % 2 ? 'shenzhen-bus' : 'shenzhen-utilities', city: '440300', action: ['open', 'submit', 'success'][i % 3], ms: 50 + i * 137 })),
  })
}

/** The p99 run is longer: a single pause (a collection, a checkpoint) should not be all of its top 1%. */
const HALF_LOAD_SECONDS = 15

async function load(url: string, month: string, overallRate?: number) {
  const result = await autocannon({
    url: url + PATH,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: CONNECTIONS,
    duration: overallRate ? HALF_LOAD_SECONDS : SECONDS,
    ...(overallRate ? { overallRate } : {}),
    requests: [{ setupRequest: (req) => Object.assign(req, { body: batchBody(month) }) }],
  })
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return { requestsPerSecond: result.requests.average, recordsPerSecond: result.requests.average * (ACTIVES + EVENTS), p99Ms: result.latency.p99 }
}

/**
 * Records per second through POST /v1/usage on one platform process (checks,
 * group commit into the embedded database, answer after the commit) against
 * a bare node:http server that parses the same JSON, alternating rounds in
 * the same run. Budgets (04-platform.md): ≥ 50% of bare; p99 of the
 * acknowledgement ≤ 200 ms at half the platform's own throughput.
 */
export async function usageIngest() {
  const platform = await serve('bench/serve-platform.ts')
  const bare = await serve('bench/serve-bare-usage.ts')
  try {
    const month = (await (await fetch(platform.url + PATH, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"v":1}' })).json()).month as string
    await load(platform.url, month) // warm-up: JIT, caches
    const rounds = { platform: [] as Awaited<ReturnType<typeof load>>[], bare: [] as Awaited<ReturnType<typeof load>>[] }
    for (let i = 0; i < ROUNDS; i++) {
      rounds.bare.push(await load(bare.url, month))
      rounds.platform.push(await load(platform.url, month))
    }
    const best = (list: Awaited<ReturnType<typeof load>>[]) => list.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a))
    const p = best(rounds.platform)
    const b = best(rounds.bare)
    const halfLoad = await load(platform.url, month, Math.max(1, Math.round(p.requestsPerSecond / 2)))
    const ratio = p.recordsPerSecond / b.recordsPerSecond
    return {
      path: PATH,
      recordsPerBatch: ACTIVES + EVENTS,
      connections: CONNECTIONS,
      secondsPerRound: SECONDS,
      platform: p,
      bare: b,
      ratio: Math.round(ratio * 1000) / 1000,
      halfLoad: { seconds: HALF_LOAD_SECONDS, requestsPerSecond: halfLoad.requestsPerSecond, p99Ms: halfLoad.p99Ms },
      budget: { ratio: 0.5, p99Ms: 200 },
      withinBudget: ratio >= 0.5 && halfLoad.p99Ms <= 200,
    }
  } finally {
    platform.child.kill()
    bare.child.kill()
  }
}
