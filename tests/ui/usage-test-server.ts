import { vi } from 'vitest'
import type { ActiveRecord, InteractionEvent, UsageBatch } from '../../src/domain/usage-batch'
import type { UsageTransportAnswer } from '../../src/services/usage-transport'

/** A usage endpoint for page tests: counts each batch id once, answers `month`; `down` answers nothing. */
export function usageTestServer(month = '2026-11') {
  const payloads: string[] = []
  const counted = new Map<string, UsageBatch>()
  const server = {
    down: false,
    payloads,
    transport: vi.fn(async (payload: string): Promise<UsageTransportAnswer> => {
      payloads.push(payload)
      if (server.down) return { status: 0, body: null }
      const body = JSON.parse(payload) as UsageBatch
      const records = (body.actives?.length ?? 0) + (body.events?.length ?? 0)
      const fresh = body.batch !== undefined && !counted.has(body.batch)
      if (fresh) counted.set(body.batch!, body)
      return { status: 200, body: { month, accepted: fresh ? records : 0, duplicates: fresh ? 0 : records } }
    }),
    actives: (): ActiveRecord[] => [...counted.values()].flatMap((b) => b.actives ?? []),
    events: (): InteractionEvent[] => [...counted.values()].flatMap((b) => b.events ?? []),
  }
  return server
}

/** The device storage entries of a citizen who agreed (or refused) and picked a city. */
export function rememberChoices(storage: Map<string, unknown>, consent: 'agreed' | 'refused', city?: { code: string; name: string }): void {
  storage.set('onecity:consent', JSON.stringify({ state: { decision: consent, version: 1, decidedAt: '2026-11-01T00:00:00.000Z' }, version: 1 }))
  if (city) storage.set('onecity:city', JSON.stringify({ state: { current: city, source: 'picker' }, version: 1 }))
}
