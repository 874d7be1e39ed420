/** One scope's counters of one month, as the statistics read them. */
export interface ActivityRow {
  scope: string
  month: string
  actives: number
  returning: number
  first: number
}

/** A usage_activity row as read (counts come back as bigint text). */
export interface ActivityDbRow {
  scope: string
  month: string
  /** bigint: text from `query`, a number from `queryMany`. */
  actives: string | number
  returning_actives: string | number
  first_actives: string | number
}

export const toActivityRow = (r: ActivityDbRow): ActivityRow => ({
  scope: r.scope,
  month: r.month,
  actives: Number(r.actives),
  returning: Number(r.returning_actives),
  first: Number(r.first_actives),
})
