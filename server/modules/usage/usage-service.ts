import { Value } from 'typebox/value'
import { addMonths } from '../../../src/domain/calendar-months'
import { chinaMonthPeriod } from '../../../src/domain/downtime'
import type { Db, Queryable } from '../../db/db'
import { HttpError } from '../../errors'
import { getServiceIds } from '../catalog/service'
import { readCities } from '../cities/service'
import { type KnownPlaces, batchProblems } from './check-batch'
import type { ActivityRow } from './activity-row'
import { type Ingested, createIngestion } from './ingestion'
import { type MonthInteractions, forgetOldBatchIds, readScopeActivity, readServiceInteractions, readServiceScopesActivity } from './repository'
import { UsageBatchSchema, type UsageBatchT } from '../../../src/api/usage'

/** Services appear while the server runs: an unknown id re-reads the list, at most this often. */
const SERVICES_REFRESH_MS = 10_000

export interface UsageService {
  /** The server's month now (Asia/Shanghai, YYYY-MM). */
  month(): string
  /** Checks the whole batch (422 with every problem, nothing counted), then counts it; resolves after the commit. */
  accept(batch: UsageBatchT): Promise<Ingested & { month: string }>
  /** Resolves when nothing is waiting to be committed. */
  idle(): Promise<void>
  /** Forgets the ids of batches received more than `days` ago (a resend after that counts again); answers how many. */
  forgetOldBatchIds(days: number): Promise<number>
}

/**
 * What POST /v1/usage does, as a service: the route uses it with the real
 * clock, and the simulator replays older months through the very same checks
 * and ingestion with a clock set to the simulated month.
 */
export async function createUsageService(db: Db, now: () => number = Date.now): Promise<UsageService> {
  const ingestion = createIngestion(db, now)
  const cities = await readCities(db)
  const places: KnownPlaces = { cities: new Set(cities.map((c) => c.code)), provinces: new Set(cities.map((c) => c.provinceCode)), services: new Set() }
  let servicesReadAt = 0
  const readServices = async () => {
    places.services = new Set(await getServiceIds(db))
    servicesReadAt = Date.now()
  }
  await readServices()

  return {
    month: ingestion.month,
    idle: ingestion.idle,
    forgetOldBatchIds: (days) => forgetOldBatchIds(db, days),
    async accept(batch) {
      const month = ingestion.month()
      let problems = batchProblems(batch, month, addMonths(month, -1), places)
      if (problems.some((p) => p.code === 'UNKNOWN_SERVICE') && Date.now() - servicesReadAt > SERVICES_REFRESH_MS) {
        await readServices()
        problems = batchProblems(batch, month, addMonths(month, -1), places)
      }
      if (problems.length > 0) {
        throw new HttpError(422, problems[0]!.code, `The batch was not counted: ${problems.length} problem(s) / 批次未计入：${problems.map((p) => p.message).slice(0, 3).join('；')}`, problems)
      }
      return { month, ...(await ingestion.ingest(batch)) }
    },
  }
}

/** The schema check the route gets from Fastify, for batches that do not come over HTTP (the simulator's older months). */
export function checkBatchShape(batch: unknown): UsageBatchT {
  if (!Value.Check(UsageBatchSchema, batch)) {
    const details = [...Value.Errors(UsageBatchSchema, batch)].slice(0, 5).map((e) => ({ path: `body${e.instancePath.replace(/\//g, '.')}`, message: e.message }))
    throw new HttpError(400, 'VALIDATION_FAILED', 'The batch does not have the shape of POST /v1/usage / 批次格式不正确', details)
  }
  return batch
}

/** One scope's counters for the months from `from` to `to`, by month (what the statistics read). */
export function readActivity(db: Queryable, scope: string, from: string, to: string): Promise<ActivityRow[]> {
  return readScopeActivity(db, scope, from, to)
}

/** Every scope of one service (svc:<id> and svc:<id>@<city>), by month and scope. */
export function readServiceActivity(db: Queryable, serviceId: string, from: string, to: string): Promise<ActivityRow[]> {
  return readServiceScopesActivity(db, serviceId, from, to)
}

export type { MonthInteractions }

/** One service's interactions per China month and action, for the months from `from` to `to` inclusive. */
export function readMonthlyInteractions(db: Queryable, serviceId: string, from: string, to: string): Promise<MonthInteractions[]> {
  const span = { start: new Date(chinaMonthPeriod(from).start).toISOString(), end: new Date(chinaMonthPeriod(to).end).toISOString() }
  return readServiceInteractions(db, serviceId, span)
}
