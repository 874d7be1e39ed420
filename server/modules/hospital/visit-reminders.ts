import { chinaToday } from '../../../src/domain/china-time'
import { type NotifyDeps, notifyCaseChange } from '../messages/messages-service'
import { visitsToRemind } from './visit-reminders-repository'

/** Reminders go out from this China hour on the day before a visit, not in the night. */
export const REMIND_FROM_HOUR = 9

/**
 * 就诊提醒: one message the day before each confirmed visit. Run on a timer
 * (server/jobs/visit-reminders.ts); however often it runs, and in however many
 * processes, a visit is reminded once (the message key is case + state).
 * Answers how many reminders are new.
 */
export async function remindVisits(deps: NotifyDeps, now = new Date()): Promise<number> {
  const chinaHour = new Date(now.getTime() + 8 * 3_600_000).getUTCHours()
  if (chinaHour < REMIND_FROM_HOUR) return 0
  const tomorrow = chinaToday(new Date(now.getTime() + 24 * 3_600_000))
  let added = 0
  for (const { record_id } of await visitsToRemind(deps.db, tomorrow)) added += await notifyCaseChange(deps, { recordId: record_id, state: 'reminder' })
  return added
}
