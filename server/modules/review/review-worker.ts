import type { FastifyBaseLogger } from 'fastify'
import { reviewPassed, starsFor } from '../../../src/domain/quality-stars'
import type { ReviewConfig } from '../../config'
import type { SecretBox } from '../../crypto/secret-box'
import type { Db, Queryable } from '../../db/db'
import { HttpError } from '../../errors'
import { applyReview } from '../onboarding/decisions'
import { feedbackCheck } from '../ratings/service'
import type { AgencyNetwork } from '../gateway/agency-network'
import type { LoadResult } from './checks/load-run'
import {
  type ClaimedReview,
  type ReviewTrigger,
  claimNextReview,
  enqueueReview,
  failReview,
  lockAndCountPendingSubmissions,
  finishReview,
  probeStats,
  recentLoadRun,
  recordProbe,
  requeueStaleReviews,
  saveLoadRun,
  servicesDueForReview,
} from './repository'
import { caseMessages } from '../messages/messages-service'
import { NOTIFY_WINDOW_DAYS } from './checks/notify-check'
import { type ReviewEnv, reviewManifest } from './review-manifest'

export interface ReviewWorker {
  /**
   * Queues a review in the caller's transaction; kick() once that has committed.
   * An agency's own submissions (trigger submit) are limited to
   * config.queuePerAgency waiting at once: more are 429 REVIEW_QUEUE_FULL.
   */
  enqueue(db: Queryable, review: { serviceId: string; submissionId: number; agencyId?: string; trigger: ReviewTrigger }): Promise<number>
  /** Takes back reviews a stopped process left running (older than 15 minutes) and starts on the queue. */
  resume(): void
  /** Something was queued: start working now rather than at the next poll. */
  kick(): void
  /** Queues a re-review of every listed service not reviewed within `hours`; answers how many. */
  scheduleDue(hours: number): Promise<number>
  /** Resolves when the queue is empty and no review runs (tests and the demo onboarding wait on it). */
  idle(): Promise<void>
  stop(): Promise<void>
}

export interface ReviewWorkerOptions {
  db: Db
  box: SecretBox
  config: ReviewConfig
  production: boolean
  /** Where the review may connect: the configured address policy, checked at connect time. */
  network: AgencyNetwork
  log: FastifyBaseLogger
  /** Reviews run at once in this process (each is mostly waiting on the network). */
  concurrency?: number
  now?: () => number
}

const LOAD_REUSE_HOURS = 24
const STALE_MINUTES = 15

/**
 * Runs queued reviews in the background (a load run alone takes 10 s, too long
 * for a request), as many at once as `concurrency`. It starts nothing by
 * itself: server/jobs polls the queue and schedules the re-reviews. Several
 * server processes can each run one.
 */
export function createReviewWorker(o: ReviewWorkerOptions): ReviewWorker {
  const now = o.now ?? Date.now
  const concurrency = o.concurrency ?? 2
  let running = 0
  let stopped = false
  let waiters: (() => void)[] = []
  // One load run per origin at a time: concurrent reviews of services on one server share it.
  const loadsInFlight = new Map<string, Promise<{ result: LoadResult; measuredAt: string; reused: boolean }>>()

  const env = (serviceId: string): ReviewEnv => ({
    now,
    production: o.production,
    limits: { network: o.network },
    loadMs: o.config.loadMs,
    async load(origin, measure) {
      const inFlight = loadsInFlight.get(origin)
      if (inFlight) return { ...(await inFlight), reused: true }
      const cached = await recentLoadRun(o.db, origin, LOAD_REUSE_HOURS)
      // Only a passing run is reused: a server that failed is measured again at its next review.
      if (cached && cached.result.errors / Math.max(1, cached.result.requests) < 0.01) return { ...cached, reused: true }
      const run = measure().then(async (result) => ({ result, measuredAt: await saveLoadRun(o.db, origin, result), reused: false }))
      loadsInFlight.set(origin, run)
      try {
        return await run
      } finally {
        loadsInFlight.delete(origin)
      }
    },
    caseMessages: () => caseMessages(o.db, serviceId, NOTIFY_WINDOW_DAYS),
    async probe(ok, ms, note) {
      await recordProbe(o.db, { serviceId, ok, ms, note })
      return probeStats(o.db, serviceId)
    },
  })

  async function runOne(review: ClaimedReview): Promise<void> {
    try {
      const current = review.sealedSecret ? o.box.open(review.sealedSecret) : ''
      const secret = review.sealedPreviousSecret ? [current, o.box.open(review.sealedPreviousSecret)] : current
      // Check 20 (feedback) is measured from the service's poor ratings, not taken from the manifest.
      const feedback = await feedbackCheck(o.db, review.serviceId, new Date(now()))
      const checks = (await reviewManifest(review.manifest, secret, env(review.serviceId))).map((c) => (c.id === 'feedback' ? feedback : c))
      const stars = starsFor(Object.fromEntries(checks.map((c) => [c.id, c.outcome])))
      await finishReview(o.db, review.id, { checks, stars, passed: reviewPassed(checks) })
    } catch (err) {
      o.log.error({ err, reviewId: review.id }, 'review failed to run')
      await failReview(o.db, review.id, (err as Error).message)
    }
    await applyReview(o.db, review.submissionId)
  }

  // Every piece of work under way, so stop() can wait for all of it before the database closes.
  const inFlight = new Set<Promise<void>>()
  const track = (work: Promise<void>, what: string) => {
    const p = work.catch((err) => o.log.error({ err }, what)).finally(() => inFlight.delete(p))
    inFlight.add(p)
  }

  async function drain(): Promise<void> {
    while (!stopped && running < concurrency) {
      const review = await claimNextReview(o.db)
      if (!review) break
      running++
      track(
        runOne(review).finally(() => {
          running--
          kick()
        }),
        'review',
      )
    }
    if (running === 0) {
      for (const resolve of waiters) resolve()
      waiters = []
    }
  }
  function kick() {
    if (!stopped) track(drain(), 'review queue')
  }

  async function scheduleDue(hours: number): Promise<number> {
    const due = await servicesDueForReview(o.db, hours)
    for (const d of due) await enqueueReview(o.db, { ...d, trigger: 'schedule' })
    kick()
    return due.length
  }

  async function enqueue(db: Queryable, review: { serviceId: string; submissionId: number; agencyId?: string; trigger: ReviewTrigger }): Promise<number> {
    if (review.trigger === 'submit' && review.agencyId) {
      const pending = await lockAndCountPendingSubmissions(db, review.agencyId)
      if (pending >= o.config.queuePerAgency) {
        throw new HttpError(
          429,
          'REVIEW_QUEUE_FULL',
          `${pending} of your submissions are waiting for review (at most ${o.config.queuePerAgency}); submit again once a review has finished / ` +
            `本机构已有 ${pending} 个提交在等待质量审核（最多 ${o.config.queuePerAgency} 个），请待审核完成后再提交`,
          [],
          // A review takes about a minute (the suite, then the load run).
          { 'retry-after': '60' },
        )
      }
    }
    return enqueueReview(db, review)
  }

  return {
    enqueue,
    resume: () => track(requeueStaleReviews(o.db, STALE_MINUTES).then(kick), 'review queue'),
    kick,
    scheduleDue,
    idle() {
      return new Promise<void>((resolve) => {
        waiters.push(resolve)
        kick()
      })
    },
    async stop() {
      stopped = true
      while (inFlight.size > 0) await Promise.all(inFlight)
    },
  }
}
