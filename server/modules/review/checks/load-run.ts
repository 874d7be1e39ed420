import type { AgencyAnswer } from '../../gateway/agency-client'

export interface LoadResult {
  requests: number
  errors: number
  p95Ms: number
  durationMs: number
  concurrency: number
}

/** Nearest-rank percentile of a list of numbers (0 when empty). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/**
 * Keeps `concurrency` requests in flight for `durationMs` (02-services.md
 * check 4: 20 concurrent for 10 s). An error is any answer that is not 2xx:
 * a 4xx, a 5xx, a timeout or a refused connection.
 */
export async function runLoad(send: () => Promise<AgencyAnswer>, options: { concurrency: number; durationMs: number }): Promise<LoadResult> {
  const until = performance.now() + options.durationMs
  const latencies: number[] = []
  let errors = 0
  const worker = async () => {
    // At least one request per worker, so a very short run still measures something.
    do {
      const answer = await send()
      latencies.push(answer.ms)
      if (answer.status === undefined || answer.status < 200 || answer.status >= 300) errors++
    } while (performance.now() < until)
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  return {
    requests: latencies.length,
    errors,
    p95Ms: percentile(latencies, 95),
    durationMs: Math.round(performance.now() - started),
    concurrency: options.concurrency,
  }
}
