/**
 * A client process of its own for a warm-API benchmark (bench/index-recompute.ts): GETs `url` with the
 * bearer token, CONCURRENCY at a time, first for WARMUP_MS untimed (both sides compile their hot paths and
 * the server finishes starting), then `requests` timed; prints the latencies in ms as JSON. Its own process,
 * so the heap the benchmark built its database in cannot pause the measured requests.
 */
export {}

const [url, token, requests = '400', concurrency = '8', warmupMs = '10000'] = process.argv.slice(2)

async function get(): Promise<number> {
  const started = performance.now()
  const res = await fetch(url!, { headers: { authorization: `Bearer ${token}` } })
  await res.arrayBuffer()
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`)
  return performance.now() - started
}

async function burst(done: () => boolean, into: number[]): Promise<void> {
  await Promise.all(Array.from({ length: Number(concurrency) }, async () => {
    while (!done()) into.push(await get())
  }))
}

const warmUntil = performance.now() + Number(warmupMs)
await burst(() => performance.now() >= warmUntil, [])
const latencies: number[] = []
await burst(() => latencies.length >= Number(requests), latencies)
process.stdout.write(JSON.stringify(latencies))
