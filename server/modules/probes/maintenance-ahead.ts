import type { MaintenanceSpan } from '../../../src/domain/service-access'
import type { Queryable } from '../../db/db'
import { MAINTENANCE_LIMITS } from './service'
import { maintenanceWindows } from './repository'

/**
 * The announced maintenance windows of these services that are under way or
 * still to come at `now` (and those just before them) (as far ahead as one can be announced), by service:
 * what the catalog's tiles need to say 维护中 and when that changes.
 */
export async function maintenanceAhead(db: Queryable, serviceIds: readonly string[], now: number): Promise<Map<string, MaintenanceSpan[]>> {
  const horizon = now + MAINTENANCE_LIMITS.latestStartMs + MAINTENANCE_LIMITS.maxLengthMs
  const byService = new Map<string, MaintenanceSpan[]>()
  if (serviceIds.length === 0) return byService
  // From a window's longest length back, so a window under way that extends an earlier one is shown from the first one's start.
  for (const w of await maintenanceWindows(db, { from: now - MAINTENANCE_LIMITS.maxLengthMs, to: horizon }, serviceIds)) {
    byService.set(w.serviceId, [...(byService.get(w.serviceId) ?? []), { start: w.startsAt, end: w.endsAt }])
  }
  return byService
}
