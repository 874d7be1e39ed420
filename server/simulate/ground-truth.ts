import { addMonths } from '../../src/domain/calendar-months'

export interface Counts {
  actives: number
  returning: number
  first: number
}

/**
 * What the simulation really did, counted from the simulated people's own
 * activity (not from what the reporter sent): per scope and month, how many
 * distinct people were active, how many of them were active the month before,
 * and how many never before.
 */
export class GroundTruth {
  readonly activity = new Map<string, Map<string, Counts>>()
  readonly events = { open: 0, submit: 0, success: 0, error: 0 }
  // Per person: scope → last month active.
  private readonly last = new Map<number, Map<string, string>>()

  /** Person `who` used `scopes` in `month` (months in order; repeated uses in a month count once). */
  use(who: number, scopes: readonly string[], month: string): void {
    let mine = this.last.get(who)
    if (!mine) this.last.set(who, (mine = new Map()))
    for (const scope of scopes) {
      const before = mine.get(scope)
      if (before === month) continue
      let byMonth = this.activity.get(scope)
      if (!byMonth) this.activity.set(scope, (byMonth = new Map()))
      const c = byMonth.get(month) ?? { actives: 0, returning: 0, first: 0 }
      c.actives += 1
      if (before === addMonths(month, -1)) c.returning += 1
      if (before === undefined) c.first += 1
      byMonth.set(month, c)
      mine.set(scope, month)
    }
  }

  toJSON() {
    const activity: Record<string, Record<string, Counts>> = {}
    for (const [scope, byMonth] of [...this.activity].sort(([a], [b]) => a.localeCompare(b))) activity[scope] = Object.fromEntries([...byMonth].sort())
    return { activity, events: this.events }
  }
}
