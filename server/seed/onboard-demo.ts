import type { Db } from '../db/db'
import type { NewService } from '../modules/catalog/repository'
import { revokeToken } from '../modules/auth/repository'
import { createToken } from '../modules/auth/service'
import { demoManifest } from './demo-manifest'

export interface DemoOnboarding {
  /** The running platform's base URL: the demo talks to it over HTTP like any agency and operator. */
  baseUrl: string
  db: Db
  services: NewService[]
  endpointOf(agencyId: string): string
  /** Resolves when the review queue is empty. */
  reviewsIdle(): Promise<void>
}

const CONCURRENCY = 8

async function api(baseUrl: string, token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<any> {
  const res = await fetch(baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const json = await res.json()
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${json?.error?.code ?? ''} ${json?.error?.message ?? ''}`)
  return json
}

/**
 * Onboards the demo's typed-contract services through the front door (issue:
 * "the demo goes through the front door"): each agency submits its manifest
 * with an agency token, the platform reviews its simulated endpoint, and an
 * operator lists every submission whose review passed. The tokens made for
 * this are revoked at the end. Answers the ids listed and those that failed review.
 */
export async function onboardDemoServices(o: DemoOnboarding): Promise<{ listed: string[]; failed: string[] }> {
  const tokens = new Map<string, { id: string; token: string }>()
  for (const agencyId of new Set(o.services.map((s) => s.agencyId))) {
    tokens.set(agencyId, await createToken(o.db, { role: 'agency', agencyId, label: 'demo onboarding' }))
  }
  const operator = await createToken(o.db, { role: 'operator', label: 'demo onboarding' })
  try {
    const queue = [...o.services]
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let s = queue.shift(); s; s = queue.shift()) {
          await api(o.baseUrl, tokens.get(s.agencyId)!.token, 'POST', '/v1/agency/services', demoManifest(s, o.endpointOf(s.agencyId)))
        }
      }),
    )
    await o.reviewsIdle()
    const ids = new Set(o.services.map((s) => s.id))
    const { submissions } = await api(o.baseUrl, operator.token, 'GET', '/v1/admin/submissions?status=in-review')
    const listed: string[] = []
    const failed: string[] = []
    for (const sub of submissions as { id: number; serviceId: string; review: { passed: boolean | null } | null }[]) {
      if (!ids.has(sub.serviceId)) continue
      if (sub.review?.passed) {
        await api(o.baseUrl, operator.token, 'POST', `/v1/admin/submissions/${sub.id}/list`)
        listed.push(sub.serviceId)
      } else {
        failed.push(sub.serviceId)
      }
    }
    return { listed, failed }
  } finally {
    for (const t of [...tokens.values(), operator]) await revokeToken(o.db, t.id)
  }
}
