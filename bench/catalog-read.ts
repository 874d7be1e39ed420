import { type ChildProcess, spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'

const PATH = '/v1/catalog?city=440300'
const CONNECTIONS = 20
const SECONDS = 8
const ROUNDS = 2

/**
 * Starts a server script in its own Node process (tsx as a loader, so the
 * child is the server itself and kill() stops it) and resolves with the URL it prints.
 */
function serve(script: string, args: string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve({ url: String(chunk).trim(), child }))
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)))
  })
}

async function load(url: string) {
  const result = await autocannon({ url: url + PATH, connections: CONNECTIONS, duration: SECONDS })
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99 }
}

/**
 * Catalog read throughput of one platform process against a bare node:http
 * server sending the same bytes, measured in the same run (alternating rounds,
 * best of each) because the machine is noisy. Budget: ≥ 50% of bare.
 */
export async function catalogRead() {
  const platform = await serve('bench/serve-platform.ts')
  const answer = await fetch(platform.url + PATH)
  const body = await answer.text()
  const bodyFile = join(tmpdir(), `onecity-catalog-${process.pid}.json`)
  writeFileSync(bodyFile, body)
  // The same bytes means the same headers too (caching, security headers), not only the same body.
  const headers = Object.fromEntries([...answer.headers].filter(([name]) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name)))
  const headersFile = join(tmpdir(), `onecity-catalog-${process.pid}.headers.json`)
  writeFileSync(headersFile, JSON.stringify(headers))
  const bare = await serve('bench/serve-bare.ts', [bodyFile, headersFile])
  try {
    await load(platform.url) // warm-up: JIT, caches
    const rounds = { platform: [] as Awaited<ReturnType<typeof load>>[], bare: [] as Awaited<ReturnType<typeof load>>[] }
    for (let i = 0; i < ROUNDS; i++) {
      rounds.bare.push(await load(bare.url))
      rounds.platform.push(await load(platform.url))
    }
    const best = (list: Awaited<ReturnType<typeof load>>[]) => list.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a))
    const p = best(rounds.platform)
    const b = best(rounds.bare)
    const ratio = p.requestsPerSecond / b.requestsPerSecond
    return {
      path: PATH,
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
    platform.child.kill()
    bare.child.kill()
  }
}
