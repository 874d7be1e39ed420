import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/db'
import { remindVisits } from '../modules/hospital/visit-reminders'
import type { NotifyDeps } from '../modules/messages/messages-service'
import { type Job, runEvery } from './run-every'

/** 就诊提醒 the day before a visit, checked every 10 minutes; each visit is reminded once however often this runs. */
export function startVisitReminders(deps: NotifyDeps, log: FastifyBaseLogger, db: Db, intervalMs = 10 * 60_000): Job {
  return runEvery({ name: 'visit reminders', intervalMs, log, db }, () => remindVisits(deps))
}
