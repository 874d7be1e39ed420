import type { Queryable } from '../../db/db'
import { type ActivityDbRow, type ActivityRow, toActivityRow } from './activity-row'

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

export interface GroupWrite {
  /** Ids of the batches in the group, claimed so each batch is counted once; each must be new. */
  ids: string[]
  activity: ActivityDelta[]
  /** The hour (start, ISO instant) the interactions are added to. */
  hour: string
  interactions: InteractionDelta[]
}

/**
 * One group's write, as one statement: claims the batch ids and adds the
 * counters and the hour's interaction rollups. If any id was claimed before
 * (a resent batch), the statement fails as a whole and changes nothing:
 * `isBatchIdTaken` tells that failure apart, and the caller then claims what
 * is new (`claimNewBatchIds`) and counts only that, in a transaction.
 *
 * Why one statement, on its own: it commits by itself, so the hot counter
 * rows (the whole country, a province) stay locked only while it runs, not
 * over a BEGIN and COMMIT sent from a busy event loop; two processes on one
 * PostgreSQL server then take turns on them quickly. Why the values inline:
 * PGlite runs a statement with parameters as five protocol steps through
 * WASM, which was most of a group's cost; every value here has passed the
 * batch checks (ids, scopes, months, cities, services and actions by pattern
 * or list), and `jsonLiteral` quotes the JSON as a standard SQL string
 * regardless. Upserts are additive and in key order, so concurrent groups
 * lock rows in the same order and never deadlock.
 */
export async function writeGroup(db: Queryable, group: GroupWrite): Promise<void> {
  const activity = group.activity.map((d) => ({ scope: d.scope, month: d.month, actives: d.actives, returning_actives: d.returning, first_actives: d.first }))
  const interactions = group.interactions.map((d) => ({ city: d.city, service: d.service, action: d.action, n: d.n, ms_sum: d.msSum, b: d.buckets }))
  // Every data-modifying WITH runs to completion whether or not the final SELECT reads it.
  await db.query(
    `WITH claimed AS (
       INSERT INTO usage_batches (id) SELECT value FROM jsonb_array_elements_text(${jsonLiteral(group.ids)})
     ), activity AS (
       INSERT INTO usage_activity (scope, month, actives, returning_actives, first_actives)
       SELECT scope, month, actives, returning_actives, first_actives
       FROM jsonb_to_recordset(${jsonLiteral(activity)}) AS d(scope text, month text, actives bigint, returning_actives bigint, first_actives bigint)
       ORDER BY scope, month
       ON CONFLICT (scope, month) DO UPDATE SET
         actives = usage_activity.actives + excluded.actives,
         returning_actives = usage_activity.returning_actives + excluded.returning_actives,
         first_actives = usage_activity.first_actives + excluded.first_actives
     ), interactions AS (
       INSERT INTO usage_interactions (hour, city, service, action, n, ms_sum, le_100, le_300, le_1000, le_3000, le_10000, over)
       SELECT (${jsonLiteral(group.hour)} #>> '{}')::timestamptz, city, service, action, n, ms_sum,
              (b->>0)::bigint, (b->>1)::bigint, (b->>2)::bigint, (b->>3)::bigint, (b->>4)::bigint, (b->>5)::bigint
       FROM jsonb_to_recordset(${jsonLiteral(interactions)}) AS d(city text, service text, action text, n bigint, ms_sum bigint, b jsonb)
       ORDER BY city, service, action
       ON CONFLICT (hour, city, service, action) DO UPDATE SET
         n = usage_interactions.n + excluded.n,
         ms_sum = usage_interactions.ms_sum + excluded.ms_sum,
         le_100 = usage_interactions.le_100 + excluded.le_100,
         le_300 = usage_interactions.le_300 + excluded.le_300,
         le_1000 = usage_interactions.le_1000 + excluded.le_1000,
         le_3000 = usage_interactions.le_3000 + excluded.le_3000,
         le_10000 = usage_interactions.le_10000 + excluded.le_10000,
         over = usage_interactions.over + excluded.over
     )
     SELECT 1`,
  )
}

/** Whether `writeGroup` failed because one of its batch ids had been claimed before (by an earlier group, or by another process just now). */
export function isBatchIdTaken(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown }
  return e.code === '23P01' && e.constraint === 'usage_batches_id_once'
}

/** Claims the ids not claimed before; answers those. */
export async function claimNewBatchIds(db: Queryable, ids: string[]): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO usage_batches (id) SELECT value FROM jsonb_array_elements_text(${jsonLiteral(ids)})
     ON CONFLICT ON CONSTRAINT usage_batches_id_once DO NOTHING RETURNING id`,
  )
  return rows.map((r) => r.id)
}

/** A value as a jsonb literal: its JSON in a standard SQL string, quotes doubled. */
export function jsonLiteral(value: unknown): string {
  return `'${JSON.stringify(value).replace(/'/g, "''")}'::jsonb`
}

/** Forgets batch ids older than the window (at least 7 days: a phone resends within that). */
export async function forgetOldBatchIds(db: Queryable, days: number): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `WITH gone AS (DELETE FROM usage_batches WHERE received_at < now() - make_interval(days => $1) RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    [days],
  )
  return rows[0]?.n ?? 0
}

/** One scope's counters for the months from `from` to `to`, by month. */
export async function readScopeActivity(db: Queryable, scope: string, from: string, to: string): Promise<ActivityRow[]> {
  const rows = await db.query<ActivityDbRow>(
    'SELECT scope, month, actives, returning_actives, first_actives FROM usage_activity WHERE scope = $1 AND month BETWEEN $2 AND $3 ORDER BY month',
    [scope, from, to],
  )
  return rows.map(toActivityRow)
}

/** One service's counters of every scope it has (svc:<id> and svc:<id>@<city>) for the months from `from` to `to`. */
export async function readServiceScopesActivity(db: Queryable, serviceId: string, from: string, to: string): Promise<ActivityRow[]> {
  // Service ids are [a-z0-9-], so neither % nor _ can widen the LIKE.
  const rows = await db.query<ActivityDbRow>(
    `SELECT scope, month, actives, returning_actives, first_actives FROM usage_activity
     WHERE (scope = 'svc:' || $1 OR scope LIKE 'svc:' || $1 || '@%') AND month BETWEEN $2 AND $3 ORDER BY month, scope`,
    [serviceId, from, to],
  )
  return rows.map(toActivityRow)
}

/** A month's interactions of one action with a service, all cities together. */
export interface MonthInteractions {
  month: string
  action: string
  n: number
  msSum: number
  /** Counts per latency bucket: ≤100, ≤300, ≤1000, ≤3000, ≤10000 ms, more. */
  buckets: number[]
}

/** One service's interaction rollups summed per China month and action, for the hours from `span.start` (inclusive) to `span.end` (ISO instants). */
export async function readServiceInteractions(db: Queryable, serviceId: string, span: { start: string; end: string }): Promise<MonthInteractions[]> {
  const rows = await db.query<{ month: string; action: string; n: string; ms_sum: string; b: string[] }>(
    `SELECT to_char(hour AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, action, sum(n) AS n, sum(ms_sum) AS ms_sum,
            ARRAY[sum(le_100), sum(le_300), sum(le_1000), sum(le_3000), sum(le_10000), sum(over)]::text[] AS b
     FROM usage_interactions
     WHERE service = $1 AND hour >= $2::timestamptz AND hour < $3::timestamptz
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [serviceId, span.start, span.end],
  )
  return rows.map((r) => ({ month: r.month, action: r.action, n: Number(r.n), msSum: Number(r.ms_sum), buckets: r.b.map(Number) }))
}
