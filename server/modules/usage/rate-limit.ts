/**
 * Requests per client address, as token buckets kept in memory only: the
 * address is never written anywhere, and a restart forgets every bucket.
 * At most `maxClients` buckets are kept; the oldest go first.
 */
export function createRateLimit(o: { perMinute: number; burst: number; maxClients?: number; now?: () => number }) {
  const buckets = new Map<string, { tokens: number; at: number }>()
  const now = o.now ?? Date.now
  const max = o.maxClients ?? 100_000
  return {
    /** Takes one token; answers the seconds to wait when there is none. */
    take(client: string): { ok: true } | { ok: false; retryAfterS: number } {
      const t = now()
      const b = buckets.get(client) ?? { tokens: o.burst, at: t }
      b.tokens = Math.min(o.burst, b.tokens + ((t - b.at) * o.perMinute) / 60_000)
      b.at = t
      buckets.delete(client)
      buckets.set(client, b)
      if (buckets.size > max) buckets.delete(buckets.keys().next().value!)
      if (b.tokens < 1) return { ok: false, retryAfterS: Math.ceil(((1 - b.tokens) * 60) / o.perMinute) }
      b.tokens -= 1
      return { ok: true }
    },
  }
}
