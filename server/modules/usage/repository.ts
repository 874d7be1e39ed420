import type { Queryable } from '../../db/db'

export interface ActivityDelta {
  scope: string
  month: string
  actives: number
  returning: number
  first: number
}

export interface InteractionDelta {
  city: string
  service: string
  action: string
  n: number
  msSum: number
  /** Counts per latency bucket: ≤100, ≤300, ≤1000, ≤3000, ≤10000 ms, more. */
  buckets: number[]
}

/** Claims batch ids: answers those not seen before (now taken), so each batch is counted once. */
export async function claimBatchIds(db: Queryable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db.query<{ id: string }>(
    `INSERT INTO usage_batches (id) SELECT value FROM jsonb_array_elements_text($1::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(ids)],
  )
  return new Set(rows.map((r) => r.id))
}

/**
 * Adds to the activity counters: additive upserts, so any number of processes
 * can ingest into one database; in key order, so concurrent groups lock rows
 * in the same order and never deadlock.
 */
export async function addActivity(db: Queryable, deltas: ActivityDelta[]): Promise<void> {
  if (deltas.length === 0) return
  await db.query(
    `INSERT INTO usage_activity (scope, month, actives, returning_actives, first_actives)
     SELECT scope, month, actives, returning_actives, first_actives
     FROM jsonb_to_recordset($1::jsonb) AS d(scope text, month text, actives bigint, returning_actives bigint, first_actives bigint)
     ORDER BY scope, month
     ON CONFLICT (scope, month) DO UPDATE SET
       actives = usage_activity.actives + excluded.actives,
       returning_actives = usage_activity.returning_actives + excluded.returning_actives,
       first_actives = usage_activity.first_actives + excluded.first_actives`,
    [JSON.stringify(deltas.map((d) => ({ scope: d.scope, month: d.month, actives: d.actives, returning_actives: d.returning, first_actives: d.first })))],
  )
}

/** Adds interaction counts to the hour's rollups. */
export async function addInteractions(db: Queryable, hour: string, deltas: InteractionDelta[]): Promise<void> {
  if (deltas.length === 0) return
  const rows = deltas.map((d) => ({ city: d.city, service: d.service, action: d.action, n: d.n, ms_sum: d.msSum, b: d.buckets }))
  await db.query(
    `INSERT INTO usage_interactions (hour, city, service, action, n, ms_sum, le_100, le_300, le_1000, le_3000, le_10000, over)
     SELECT $1::timestamptz, city, service, action, n, ms_sum, (b->>0)::bigint, (b->>1)::bigint, (b->>2)::bigint, (b->>3)::bigint, (b->>4)::bigint, (b->>5)::bigint
     FROM jsonb_to_recordset($2::jsonb) AS d(city text, service text, action text, n bigint, ms_sum bigint, b jsonb)
     ORDER BY city, service, action
     ON CONFLICT (hour, city, service, action) DO UPDATE SET
       n = usage_interactions.n + excluded.n,
       ms_sum = usage_interactions.ms_sum + excluded.ms_sum,
       le_100 = usage_interactions.le_100 + excluded.le_100,
       le_300 = usage_interactions.le_300 + excluded.le_300,
       le_1000 = usage_interactions.le_1000 + excluded.le_1000,
       le_3000 = usage_interactions.le_3000 + excluded.le_3000,
       le_10000 = usage_interactions.le_10000 + excluded.le_10000,
       over = usage_interactions.over + excluded.over`,
    [hour, JSON.stringify(rows)],
  )
}

/** Forgets batch ids older than the window (at least 7 days: a phone resends within that). */
export async function forgetOldBatchIds(db: Queryable, days: number): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `WITH gone AS (DELETE FROM usage_batches WHERE received_at < now() - make_interval(days => $1) RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    [days],
  )
  return rows[0]?.n ?? 0
}

export interface ActivityRow {
  scope: string
  month: string
  actives: number
  returning: number
  first: number
}

export async function readActivity(db: Queryable, scope: string, from: string, to: string): Promise<ActivityRow[]> {
  const rows = await db.query<{ scope: string; month: string; actives: string; returning_actives: string; first_actives: string }>(
    'SELECT scope, month, actives, returning_actives, first_actives FROM usage_activity WHERE scope = $1 AND month BETWEEN $2 AND $3 ORDER BY month',
    [scope, from, to],
  )
  return rows.map((r) => ({ scope: r.scope, month: r.month, actives: Number(r.actives), returning: Number(r.returning_actives), first: Number(r.first_actives) }))
}
