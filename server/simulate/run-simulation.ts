import { randomBytes } from 'node:crypto'
import { addMonths } from '../../src/domain/calendar-months'
import type { CatalogService } from '../../src/domain/catalog'
import type { UsageAnswer, UsageBatch } from '../../src/domain/usage-batch'
import { EMPTY_USAGE_QUEUE, type UsageQueue, acknowledgeBatch, addEvent, batchPayload, learnServerMonth, noteUse, takeBatch } from '../../src/domain/usage-queue'
import { scopesOfUse } from '../../src/domain/usage-scope'
import { seeded } from '../../mock/shared/seeded'
import type { FastifyInstance } from 'fastify'
import type { Db } from '../db/db'
import { listServicesForCity } from '../modules/catalog/repository'
import { listCities } from '../modules/cities/repository'
import { checkBatchShape, createUsageService } from '../modules/usage/usage-service'
import { GroundTruth } from './ground-truth'
import { habitOf } from './habits'
import { cityWeights, homeCities, readTop100Csv } from './population'

export interface SimulationOptions {
  db: Db
  citizens: number
  /** How many months, ending with the server's current one. */
  months: number
  /** POST /v1/usage of the running server, from the phone of person `who`: the current and the previous month go through it. */
  post: (batch: UsageBatch, who: number) => Promise<UsageAnswer>
  /** The server's clock (its current month is the last simulated one). */
  now?: () => number
  seed?: string
  log?: (line: string) => void
}

interface Person {
  city: string
  /** The reporter's state on this person's phone: the real client code (src/domain/usage-queue.ts). */
  queue: UsageQueue
  /** Per domain: the month they last used it. */
  lastUse: Map<string, string>
  /** Per domain: the service of it they use. */
  choice: Map<string, CatalogService>
}

/** Mid-month, China time: the simulated clock of an older month. */
const midMonth = (month: string) => Date.parse(`${month}-15T12:00:00+08:00`)
const CONCURRENCY = 200

/**
 * Synthetic citizens in every city (sized by the 2016 index) using services
 * month by month with each domain's habits, each with the real usage
 * reporter's state. Their batches go through the real ingestion: through
 * POST /v1/usage for the current and previous month, and for older months (which the endpoint
 * rightly refuses) through the same checks and ingestion in-process, with a
 * clock set to the simulated month. Returns the ground truth.
 */
export async function runSimulation(o: SimulationOptions): Promise<GroundTruth> {
  const log = o.log ?? (() => {})
  const cities = await listCities(o.db)
  const weights = cityWeights(cities, readTop100Csv())
  const homes = homeCities(o.citizens, weights, o.seed)
  const catalogs = new Map<string, Map<string, CatalogService[]>>()
  for (const code of new Set(homes)) {
    const byDomain = new Map<string, CatalogService[]>()
    for (const s of await listServicesForCity(o.db, code)) byDomain.set(s.domain, [...(byDomain.get(s.domain) ?? []), s])
    catalogs.set(code, byDomain)
  }
  const people: Person[] = homes.map((city) => ({ city, queue: EMPTY_USAGE_QUEUE, lastUse: new Map(), choice: new Map() }))
  const truth = new GroundTruth()
  const rng = seeded(o.seed ?? 'onecity-simulation', 'habits')
  const newId = () => randomBytes(16).toString('base64url')

  const serverMonth = (await o.post({ v: 1 }, 0)).month
  const months = Array.from({ length: o.months }, (_, i) => addMonths(serverMonth, i - o.months + 1))
  for (const month of months) {
    // Phones learn the month when it is that month: older months from the same ingestion with its clock set to them.
    const current = month === serverMonth
    const clock = current ? (o.now ?? Date.now) : () => midMonth(month)
    const thenService = current ? undefined : await createUsageService(o.db, clock)
    const post = o.post
    const inProcess = (batch: UsageBatch) => thenService!.accept(checkBatchShape(batch))
    // Delivered over HTTP: this month's records, and last month's (phones that were offline at the turn of
    // the month, which the endpoint accepts); older ones only in-process, as the endpoint rightly refuses them.
    const overHttp = month >= addMonths(serverMonth, -1)
    const send = overHttp ? post : inProcess
    const answered = (await (current ? post : inProcess)({ v: 1 }, 0)).month
    let records = 0

    people.forEach((p, who) => {
      const now = clock()
      p.queue = learnServerMonth(p.queue, answered, now).queue
      for (const [domain, services] of catalogs.get(p.city)!) {
        const habit = habitOf(domain as CatalogService['domain'])
        const usedBefore = p.lastUse.get(domain) === addMonths(month, -1)
        if (rng.next() >= (usedBefore ? habit.again : habit.start)) continue
        let service = p.choice.get(domain)
        if (!service) p.choice.set(domain, (service = rng.pick(services)))
        const scopes = scopesOfUse({ city: p.city, type: service.type, domain: service.domain, service: service.id, national: service.coverage.level === 'national' })
        truth.use(who, scopes, month)
        p.lastUse.set(domain, month)
        p.queue = noteUse(p.queue, scopes, now)
        p.queue = addEvent(p.queue, { service: service.id, city: p.city, action: 'open', ms: rng.int(80, 1500) })
        truth.events.open += 1
        if (service.items.some((item) => item.kind === 'transaction') && rng.chance(0.4)) {
          const ok = rng.chance(0.9)
          p.queue = addEvent(addEvent(p.queue, { service: service.id, city: p.city, action: 'submit' }), { service: service.id, city: p.city, action: ok ? 'success' : 'error', ms: rng.int(200, 6000) })
          truth.events.submit += 1
          truth.events[ok ? 'success' : 'error'] += 1
        }
      }
    })

    // Each phone sends what it queued, batch by batch, as the reporter does.
    for (let i = 0; i < people.length; i += CONCURRENCY) {
      await Promise.all(
        people.slice(i, i + CONCURRENCY).map(async (p, j) => {
          for (;;) {
            const taken = takeBatch(p.queue, newId)
            p.queue = taken.queue
            if (!taken.batch) return
            const answer = await send(batchPayload(taken.batch), i + j)
            records += answer.accepted
            p.queue = acknowledgeBatch(p.queue, taken.batch, answer.month, clock()).queue
          }
        }),
      )
    }
    await thenService?.idle()
    log(`${month}: ${records} records from ${o.citizens} people in ${new Set(homes).size} cities (${overHttp ? 'POST /v1/usage' : 'in-process ingestion, clock set to the month'})`)
  }
  return truth
}

/** POST /v1/usage through the platform's own route, each simulated phone from its own (made-up, never stored) address, so the per-address rate limit applies to each as to a real phone. */
export function postThroughRoute(app: FastifyInstance): SimulationOptions['post'] {
  return async (batch, who) => {
    const remoteAddress = `10.${(who >> 16) & 255}.${(who >> 8) & 255}.${who & 255}`
    const res = await app.inject({ method: 'POST', url: '/v1/usage', payload: batch as object, remoteAddress })
    if (res.statusCode !== 200) throw new Error(`POST /v1/usage answered ${res.statusCode}: ${res.body}`)
    return res.json() as UsageAnswer
  }
}
