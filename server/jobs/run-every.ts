import type { FastifyBaseLogger } from 'fastify'

/** Background work that runs until stopped. */
export interface Job {
  /** Stops the schedule and waits for a run under way (it writes to the database, which closes next). */
  stop(): Promise<void>
}

/**
 * Runs `work` every `intervalMs` (the timer does not keep the process
 * alive). A tick that finds the previous run still going is skipped, so a
 * slow agency never piles runs up; a failed run is logged and the next tick
 * tries again.
 */
export function runEvery(name: string, intervalMs: number, log: FastifyBaseLogger, work: () => Promise<unknown>): Job {
  let running: Promise<void> | undefined
  const timer = setInterval(() => {
    if (running) return
    running = work()
      .then(() => undefined)
      .catch((err) => log.error({ err, job: name }, 'background job failed'))
      .finally(() => {
        running = undefined
      })
  }, intervalMs)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
