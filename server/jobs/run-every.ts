import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/db'
import { claimJobRun } from './job-runs-repository'

/** Background work that runs until stopped. */
export interface Job {
  /** Stops the schedule and waits for a run under way (it writes to the database, which closes next). */
  stop(): Promise<void>
}

/** What runEvery needs to know about a job. */
export interface Schedule {
  /** Names the job in logs and across processes: one name, one job. */
  name: string
  intervalMs: number
  log: FastifyBaseLogger
  db: Db
}

// Timers of one process drift by milliseconds: a run is due once 90% of the interval has passed
// since the last one anywhere, so one process alone never skips a tick, and several together
// still run the job once per interval (04-platform.md, "Beyond one machine").
const DUE_SHARE = 0.9

/**
 * Runs `work` every `intervalMs` (the timer does not keep the process
 * alive), once across every server process on the database: a tick runs it
 * only while holding the job's lock and when no process ran it within the
 * interval. A tick that finds the previous run still going is skipped, so a
 * slow agency never piles runs up; a failed run is logged and the next tick
 * tries again.
 */
export function runEvery(s: Schedule, work: () => Promise<unknown>): Job {
  let running: Promise<void> | undefined
  const runIfDue = () =>
    s.db.whileLocked(s.name, async () => {
      // The embedded database belongs to this one process: every tick is due, as before.
      if (s.db.kind === 'pglite' || (await claimJobRun(s.db, s.name, s.intervalMs * DUE_SHARE))) await work()
    })
  const timer = setInterval(() => {
    if (running) return
    running = runIfDue()
      .then(() => undefined)
      .catch((err) => s.log.error({ err, job: s.name }, 'background job failed'))
      .finally(() => {
        running = undefined
      })
  }, s.intervalMs)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
