import { LATENCY_BUCKETS_MS } from './usage-batch'

/**
 * The longest latency a report may carry (POST /v1/usage refuses more), so
 * the upper bound of the last, open bucket.
 */
export const MAX_REPORTED_MS = 600_000

/**
 * The q-quantile (0 < q ≤ 1) of the latencies counted in the buckets
 * (≤100, ≤300, ≤1000, ≤3000, ≤10000 ms, more), as the upper bound of the
 * bucket it falls in: "p95 ≤ 1000 ms" is all the buckets can tell, and an
 * upper bound is never optimistic. The last bucket's bound is the longest
 * latency a report may carry. Undefined when nothing was timed.
 */
export function latencyPercentile(buckets: readonly number[], q: number): number | undefined {
  const total = buckets.reduce((sum, n) => sum + n, 0)
  if (total <= 0) return undefined
  const rank = Math.ceil(q * total)
  let seen = 0
  for (const [i, n] of buckets.entries()) {
    seen += n
    if (seen >= rank) return LATENCY_BUCKETS_MS[i] ?? MAX_REPORTED_MS
  }
  return MAX_REPORTED_MS
}
