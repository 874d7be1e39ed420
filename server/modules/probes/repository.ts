import { type EpochMs, type ProbeRun, placeProbe } from '../../../src/domain/downtime'
import type { Db, Queryable } from '../../db/db'
import type { GatewayErrorKind } from '../gateway/gateway-error-kind'


/** A time span of the queries below: [from, to) in epoch ms. */
export interface Span {
  from: EpochMs
  to: EpochMs
}

const iso = (ms: EpochMs) => new Date(ms).toISOString()
const EPOCH_MS = (column: string) => `round(extract(epoch FROM ${column}) * 1000)::float8`

/** Listed services with an endpoint to probe (mini-programs have none: WeChat runs them). */
export function probeTargets(db: Queryable): Promise<{ serviceId: string; endpoint: string; contract: string }[]> {
  return db.query(`SELECT id AS "serviceId", endpoint, contract FROM services WHERE status = 'listed' AND endpoint IS NOT NULL AND contract <> 'miniprogram' ORDER BY id`)
}

// With pg_advisory_xact_lock(this, hashtext(service)): one writer per service's runs at a time, across processes.
const PROBE_RUN_LOCK = 2026_1122

/** A probe of the fixed schedule (`at`: when it was sent); with `n` and `last`, n consecutive probes of one outcome from `at` to `last`. */
export interface ScheduledProbe {
  at: EpochMs
  ok: boolean
  note: string
  last?: EpochMs
  n?: number
}

/**
 * Records a probe of the fixed schedule (`at`: when it was sent) into the
 * service's runs: it extends the latest run, starts a new one, or, overtaken
 * by a newer probe with another outcome, is dropped. Answers which.
 */
export async function recordScheduledProbe(
  db: Db,
  p: { serviceId: string } & ScheduledProbe,
  maxGapMs: number,
): Promise<'extend' | 'new' | 'late'> {
  const [places] = await recordScheduledProbes(db, [{ serviceId: p.serviceId, probes: [p] }], maxGapMs)
  return places![0]!
}

/**
 * Records time-ordered probes of services, as recordScheduledProbe does one
 * by one, in one transaction (a few statements however many services). A
 * probe with `n` and `last` stands for n consecutive probes of one outcome
 * sent from `at` to `last` on the schedule (no gap longer than maxGapMs
 * between them): what the schedule would have stored probe by probe, in
 * one row (the first start's demo history, server/seed/demo-probe-history.ts).
 * Answers each probe's place, per service.
 */
export async function recordScheduledProbes(
  db: Db,
  batches: readonly { serviceId: string; probes: readonly ScheduledProbe[] }[],
  maxGapMs: number,
): Promise<('extend' | 'new' | 'late')[][]> {
  const ids = batches.map((b) => b.serviceId)
  return db.transaction(async (tx) => {
    // In one order, so two writers over overlapping services cannot deadlock.
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext(id)) FROM (SELECT DISTINCT unnest($2::text[]) AS id ORDER BY 1) s', [PROBE_RUN_LOCK, ids])
    const stored = await tx.query<ProbeRun & { id: number; serviceId: string }>(
      `SELECT DISTINCT ON (service_id) service_id AS "serviceId", id::int, ok, ${EPOCH_MS('first_at')} AS first, ${EPOCH_MS('last_at')} AS last, n
       FROM probe_runs WHERE service_id = ANY($1::text[]) ORDER BY service_id, last_at DESC, id DESC`,
      [ids],
    )
    const latestOf = new Map<string, ProbeRun & { id?: number }>(stored.map(({ serviceId, ...run }) => [serviceId, run]))
    const extended = new Set<ProbeRun & { id?: number }>()
    const added: (ProbeRun & { serviceId: string; note: string })[] = []
    const places = batches.map(({ serviceId, probes }) =>
      probes.map((p) => {
        const latest = latestOf.get(serviceId)
        const last = Math.max(p.at, p.last ?? p.at)
        const n = Math.max(1, Math.floor(p.n ?? 1))
        const place = placeProbe(latest, p, maxGapMs)
        if (place === 'extend') {
          latest!.last = Math.max(latest!.last, last)
          latest!.n += n
          if (latest!.id !== undefined) extended.add(latest!)
        } else if (place === 'new') {
          const run = { serviceId, first: p.at, last, ok: p.ok, n, note: p.note }
          added.push(run)
          latestOf.set(serviceId, run)
        }
        return place
      }),
    )
    if (extended.size > 0) {
      const runs = [...extended]
      await tx.query(
        `UPDATE probe_runs p SET last_at = greatest(p.last_at, r.last_at), n = r.n FROM unnest($1::bigint[], $2::timestamptz[], $3::int[]) AS r (id, last_at, n) WHERE p.id = r.id`,
        [runs.map((r) => r.id), runs.map((r) => iso(r.last)), runs.map((r) => r.n)],
      )
    }
    if (added.length > 0) {
      await tx.query(
        `INSERT INTO probe_runs (service_id, ok, first_at, last_at, n, note)
         SELECT service_id, ok, first_at, last_at, n, note
         FROM unnest($1::text[], $2::boolean[], $3::timestamptz[], $4::timestamptz[], $5::int[], $6::text[]) WITH ORDINALITY AS r (service_id, ok, first_at, last_at, n, note, i)
         ORDER BY i`,
        [added.map((r) => r.serviceId), added.map((r) => r.ok), added.map((r) => iso(r.first)), added.map((r) => iso(r.last)), added.map((r) => r.n), added.map((r) => r.note)],
      )
    }
    return places
  })
}

/**
 * The runs per service that bear on the span: those within `maxGapMs` of it
 * (a run reaching into the span from before tells whether the service was
 * already down at its start; one just after it, whether its end is
 * monitored). A failed run's n counts all its probes, also those after the
 * span, so failures at its end reach N as they will. By first probe.
 */
export async function probeRunsAround(db: Queryable, span: Span, maxGapMs: number, serviceIds?: readonly string[]): Promise<Map<string, ProbeRun[]>> {
  const rows = await db.query<ProbeRun & { serviceId: string }>(
    `SELECT service_id AS "serviceId", ok, ${EPOCH_MS('first_at')} AS first, ${EPOCH_MS('last_at')} AS last, n FROM probe_runs
     WHERE last_at >= $1::timestamptz AND first_at < $2::timestamptz AND ($3::text[] IS NULL OR service_id = ANY($3::text[]))
     ORDER BY service_id, first_at, id`,
    [iso(span.from - maxGapMs), iso(span.to + maxGapMs), serviceIds ?? null],
  )
  const runs = new Map<string, ProbeRun[]>()
  for (const { serviceId, ...run } of rows) {
    const list = runs.get(serviceId) ?? []
    list.push(run)
    runs.set(serviceId, list)
  }
  return runs
}

export interface MaintenanceWindowRow {
  id: number
  serviceId: string
  startsAt: EpochMs
  endsAt: EpochMs
  note: string
  /** agency:<agency id> or operator:<token id> */
  announcedBy: string
  announcedAt: EpochMs
}

const WINDOW_COLUMNS = `id::int, service_id AS "serviceId", ${EPOCH_MS('starts_at')} AS "startsAt", ${EPOCH_MS('ends_at')} AS "endsAt",
  note, announced_by AS "announcedBy", ${EPOCH_MS('announced_at')} AS "announcedAt"`

export async function insertMaintenanceWindow(
  db: Queryable,
  w: { serviceId: string; startsAt: EpochMs; endsAt: EpochMs; note: string; announcedBy: string; announcedAt?: EpochMs },
): Promise<MaintenanceWindowRow> {
  const [row] = await db.query<MaintenanceWindowRow>(
    `INSERT INTO maintenance_windows (service_id, starts_at, ends_at, note, announced_by, announced_at)
     VALUES ($1, $2::timestamptz, $3::timestamptz, $4, $5, coalesce($6::timestamptz, now()))
     RETURNING ${WINDOW_COLUMNS}`,
    [w.serviceId, iso(w.startsAt), iso(w.endsAt), w.note, w.announcedBy, w.announcedAt === undefined ? null : iso(w.announcedAt)],
  )
  return row!
}

/**
 * One service's windows overlapping the span, read under a per-service lock
 * held to the end of the caller's transaction, so two announcements at once
 * cannot both fit in what is left of a month's allowance.
 */
export async function lockMaintenanceWindows(db: Queryable, serviceId: string, span: Span): Promise<MaintenanceWindowRow[]> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('maintenance'), hashtext($1))`, [serviceId])
  return maintenanceWindows(db, span, [serviceId])
}

/** Maintenance windows overlapping the span, by start. */
export function maintenanceWindows(db: Queryable, span: Span, serviceIds?: readonly string[]): Promise<MaintenanceWindowRow[]> {
  return db.query<MaintenanceWindowRow>(
    `SELECT ${WINDOW_COLUMNS} FROM maintenance_windows
     WHERE starts_at < $2::timestamptz AND ends_at > $1::timestamptz AND ($3::text[] IS NULL OR service_id = ANY($3::text[]))
     ORDER BY service_id, starts_at, id`,
    [iso(span.from), iso(span.to), serviceIds ?? null],
  )
}

/** Failed calls per service and kind in the span (hours starting inside it; China's months start on whole hours). */
export function gatewayErrorCounts(db: Queryable, span: Span, serviceIds?: readonly string[]): Promise<{ serviceId: string; kind: GatewayErrorKind; n: number }[]> {
  return db.query(
    `SELECT service_id AS "serviceId", kind, sum(n)::float8 AS n FROM gateway_errors
     WHERE hour >= $1::timestamptz AND hour < $2::timestamptz AND ($3::text[] IS NULL OR service_id = ANY($3::text[]))
     GROUP BY service_id, kind`,
    [iso(span.from), iso(span.to), serviceIds ?? null],
  )
}

export interface MonitoredServiceRow {
  id: string
  name: string
  agencyId: string
  status: string
  coverage: { level: 'city' | 'province' | 'national'; code?: string }
}

/**
 * The services a failure-rate page lists: those probed now (listed, with an
 * endpoint) and those probed in the span (listed then, perhaps not now);
 * optionally one agency's only.
 */
export function monitoredServices(db: Queryable, span: Span, agencyId?: string): Promise<MonitoredServiceRow[]> {
  return db.query<MonitoredServiceRow>(
    `SELECT s.id, s.name, s.agency_id AS "agencyId", s.status,
       jsonb_strip_nulls(jsonb_build_object('level', s.coverage_level, 'code', s.coverage_code)) AS coverage
     FROM services s
     WHERE ($3::text IS NULL OR s.agency_id = $3)
       AND ((s.status = 'listed' AND s.endpoint IS NOT NULL AND s.contract <> 'miniprogram')
         OR EXISTS (SELECT 1 FROM probe_runs r WHERE r.service_id = s.id AND r.last_at >= $1::timestamptz AND r.first_at < $2::timestamptz))
     ORDER BY s.id`,
    [iso(span.from), iso(span.to), agencyId ?? null],
  )
}

/** Every city with its province: where a service's coverage reaches. */
export function citiesWithProvince(db: Queryable): Promise<{ code: string; name: string; provinceCode: string }[]> {
  return db.query(`SELECT code, name, province_code AS "provinceCode" FROM cities ORDER BY code`)
}
