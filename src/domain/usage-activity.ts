import { addMonths, type Month } from './calendar-months'
import type { ActiveRecord } from './usage-batch'

/** What the phone remembers of one scope (03-index.md): never sent as such, only as a record's two flags. */
export interface ScopeMemory {
  /** The last month the server acknowledged a record of this scope for; absent: never. */
  lastActive?: Month
  /** The month the last record of this scope was formed for (queued, sent or dropped): one record per scope and month. */
  formed?: Month
}
export type ScopeMemories = Record<string, ScopeMemory>

/** The later of two YYYY-MM months (either may be absent). */
export function laterMonth(a: Month | undefined, b: Month | undefined): Month | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return a >= b ? a : b
}

/** The record of the first use of `scope` in `month`, given the last month it was active in. */
export function activeRecord(scope: string, month: Month, lastActive: Month | undefined): ActiveRecord {
  return { scope, month, returning: lastActive === addMonths(month, -1), first: lastActive === undefined }
}

/**
 * One record per scope not yet recorded for `month`, in the order given
 * (each scope once). `queued` holds, per scope, the latest month of a record
 * still waiting in the queue: it counts as activity for the flags, because it
 * is sent before the new record and the server accepts the previous month
 * (without it, a record queued for M−1 at the turn of the month would make
 * the M record say first instead of returning). lastActive itself is only
 * written by {@link acknowledgeActives}.
 */
export function formActives(
  scopes: readonly string[],
  month: Month,
  memories: Readonly<ScopeMemories>,
  queued: ReadonlyMap<string, Month> = new Map(),
): { records: ActiveRecord[]; memories: ScopeMemories } {
  const next: ScopeMemories = { ...memories }
  const records: ActiveRecord[] = []
  for (const scope of scopes) {
    const memory = next[scope] ?? {}
    if (memory.formed === month || (memory.lastActive !== undefined && memory.lastActive >= month)) continue
    const pending = queued.get(scope)
    const last = laterMonth(memory.lastActive, pending !== undefined && pending < month ? pending : undefined)
    records.push(activeRecord(scope, month, last))
    next[scope] = { ...memory, formed: month }
  }
  return { records, memories: next }
}

/** After the server acknowledged `records`: each scope's lastActive becomes its record's month (never earlier than it was). */
export function acknowledgeActives(memories: Readonly<ScopeMemories>, records: readonly ActiveRecord[]): ScopeMemories {
  const next: ScopeMemories = { ...memories }
  for (const r of records) {
    const memory = next[r.scope] ?? {}
    next[r.scope] = { ...memory, lastActive: laterMonth(memory.lastActive, r.month), formed: laterMonth(memory.formed, r.month) }
  }
  return next
}

/** Forgets which months records were formed for (the queue was cleared unsent): the next use records again. lastActive stays. */
export function forgetFormed(memories: Readonly<ScopeMemories>): ScopeMemories {
  return Object.fromEntries(
    Object.entries(memories)
      .filter(([, m]) => m.lastActive !== undefined)
      .map(([scope, m]) => [scope, { lastActive: m.lastActive }]),
  )
}
