import type { Queryable } from '../db/db'

/**
 * Records a start of job `name` unless one started, in any process, within
 * the last `minGapMs` (by the database's clock, which every process shares).
 * Answers whether this caller may run it now.
 */
export async function claimJobRun(db: Queryable, name: string, minGapMs: number): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO job_runs (name, started_at) VALUES ($1, now())
     ON CONFLICT (name) DO UPDATE SET started_at = excluded.started_at
     WHERE job_runs.started_at <= now() - $2::int * interval '1 millisecond'
     RETURNING name`,
    [name, Math.floor(minGapMs)],
  )
  return rows.length > 0
}
