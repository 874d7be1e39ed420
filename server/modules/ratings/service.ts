import type { AgencyRatingsFiguresT } from '../../../src/api/agency-stats'
import type { MyRatingT, RatingRequestT, FollowUpRequestT, SatisfactionAnswerT, SatisfactionDimension, TicketState, TicketViewT } from '../../../src/api/ratings'
import { maskPiiInText } from '../../../src/domain/mask-text'
import type { CheckResult } from '../../../src/domain/quality-stars'
import { RATING_COMMENT_MAX, isConcluded, isPoorRating, ratingTags } from '../../../src/domain/rating-levels'
import { publishCount, publishPartition, publishRate } from '../../../src/domain/suppression'
import { overLengthMessage } from '../../../src/domain/text-length'
import type { Db, Queryable } from '../../db/db'
import { HttpError } from '../../errors'
import type { Principal } from '../auth/token'
import { findRecordCase } from '../citizens/records-service'
import { recordAudit } from '../onboarding/service'
import {
  type RatingRow,
  answerTicket,
  appealExists,
  decideAppeal,
  findCitizenRating,
  findTicket,
  insertAppeal,
  insertRating,
  insertTicket,
  listAppealed,
  listCitizenRatings,
  listTickets,
  satisfactionCells,
  serviceRatingMonths,
  serviceTicketMonths,
  setFollowUp,
  ticketTimeliness,
  voidRating,
} from './repository'
import { type RatingConfig, ticketDeadlines } from './ticket-deadlines'

/** What the messages module hears when an agency answers a poor rating: the case (record) whose citizen is to be told. */
export interface TicketAnswered {
  ticketId: string
  /** The 办事记录 item rated (null if the citizen's records are gone). */
  recordId: string | null
  serviceId: string
  which: 'callback' | 'fix'
  at: Date
}
export type TicketAnsweredListener = (event: TicketAnswered) => Promise<void> | void

export interface RatingDeps {
  db: Db
  config: RatingConfig
  /** Whether a 6-digit code is a reference city (the city a province-wide or national case is counted in). */
  isCity(code: string): boolean
  /** Where a failing ticket-answered listener is reported (the answer itself stands). */
  log?: { error(obj: object, msg: string): void }
}

// Ticket and appeal ids as the database makes them; anything else names nothing (404, not a database error).
const ID = /^[1-9][0-9]{0,15}$/
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)
const answerOf = (text: string | null, at: Date | null) => (text !== null && at ? { text, at: iso(at)! } : null)

/** The state of a ticket as of `now` (the same rule as the repository's SQL filter). */
export function ticketState(row: Pick<RatingRow, 'voided_at' | 'callback_at' | 'fix_at' | 'callback_due' | 'fix_due'>, now: Date): TicketState {
  if (row.voided_at) return 'voided'
  if (row.callback_at && row.fix_at) return 'answered'
  const late = (due: Date | null, done: Date | null) => !done && due !== null && new Date(due).getTime() < now.getTime()
  return late(row.callback_due, row.callback_at) || late(row.fix_due, row.fix_at) ? 'overdue' : 'open'
}

function ticketFigures(row: RatingRow, now: Date) {
  return {
    id: row.ticket_id!,
    callbackDue: iso(row.callback_due)!,
    fixDue: iso(row.fix_due)!,
    callback: answerOf(row.callback_text, row.callback_at),
    fix: answerOf(row.fix_text, row.fix_at),
    state: ticketState(row, now),
  }
}

const followUpOf = (row: RatingRow) =>
  row.follow_up_level !== null && row.follow_up_at ? { level: row.follow_up_level, comment: row.follow_up_comment, at: iso(row.follow_up_at)! } : null

function myRatingOf(row: RatingRow, now: Date): MyRatingT {
  return {
    recordId: row.record_id!,
    level: row.level,
    tags: row.tags,
    comment: row.comment,
    ratedAt: iso(row.rated_at)!,
    voided: row.voided_at !== null,
    ticket: row.ticket_id ? ticketFigures(row, now) : null,
    followUp: followUpOf(row),
  }
}

/** What an agency (or operator) sees of a poor rating: the case and the answers, never the record or who rated. */
function ticketViewOf(row: RatingRow, now: Date): TicketViewT {
  return {
    ...ticketFigures(row, now),
    serviceId: row.service_id,
    serviceName: row.service_name,
    agencyId: row.agency_id,
    what: row.what,
    level: row.level,
    tags: row.tags,
    comment: row.comment,
    ratedAt: iso(row.rated_at)!,
    followUp: followUpOf(row),
    appeal: row.appeal_id
      ? { id: row.appeal_id, reason: row.appeal_reason!, filedAt: iso(row.appeal_filed_at)!, decision: row.decision, decisionReason: row.decision_reason, decidedAt: iso(row.decided_at) }
      : null,
  }
}

/** A comment as stored: trimmed, at most 200 characters (422 beyond, said in Chinese), ID and phone numbers masked; null when empty. */
function storedComment(comment: string | undefined): string | null {
  const text = comment?.trim() ?? ''
  const tooLong = overLengthMessage(text, RATING_COMMENT_MAX)
  if (tooLong) throw new HttpError(422, 'COMMENT_TOO_LONG', `评价内容${tooLong}`, [{ path: 'body.comment', message: tooLong }])
  return text === '' ? null : maskPiiInText(text)
}

/**
 * 好差评 (02-services.md): rating a 办结 case once, the rectification ticket
 * of a poor rating with its working-day deadlines, the agency's answers and
 * appeal, the operator's decision (audit log), the feedback check's figures
 * and analysts' satisfaction.
 */
export function createRatingService(deps: RatingDeps) {
  const { db } = deps
  const listeners: TicketAnsweredListener[] = []

  const recordNotFound = () => new HttpError(404, 'RECORD_NOT_FOUND', 'No such record / 找不到这条办事记录')
  const notFound = () => new HttpError(404, 'TICKET_NOT_FOUND', 'No such ticket / 找不到这张整改工单')

  async function agencyTicket(agencyId: string | null, ticketId: string): Promise<RatingRow> {
    const row = ID.test(ticketId) ? await findTicket(db, ticketId, agencyId) : undefined
    if (!row) throw notFound()
    return row
  }

  return {
    /**
     * Hook point for 消息 (issue 18 item 4): `listener` is called after an
     * agency's callback or fix is stored (committed), once per answer. A
     * listener that throws is logged and never undoes or fails the answer.
     */
    onTicketAnswered(listener: TicketAnsweredListener): void {
      listeners.push(listener)
    },

    /**
     * Rates the citizen's record once it is 办结: 404 if it is not theirs,
     * 409 CASE_NOT_CONCLUDED before 办结, 409 ALREADY_RATED the second time,
     * 422 for tags of another level or a comment over 200 characters. A
     * rating of 1 or 2 opens the agency's ticket in the same transaction.
     */
    async rate(citizenId: string, recordId: string, body: RatingRequestT, now: Date): Promise<MyRatingT> {
      const record = await findRecordCase(db, citizenId, recordId)
      if (!record) throw recordNotFound()
      if (!isConcluded(record.status)) throw new HttpError(409, 'CASE_NOT_CONCLUDED', 'The case is not finished yet / 事项办结后才能评价')
      const offered = ratingTags(body.level)
      const tags = [...new Set(body.tags ?? [])]
      const unknown = tags.filter((t) => !offered.includes(t))
      if (unknown.length > 0) throw new HttpError(422, 'UNKNOWN_TAG', `「${unknown.join('、')}」不是这一档评价的标签`, [{ path: 'body.tags', message: `可选：${offered.join('、')}` }])
      const comment = storedComment(body.comment)
      const cityCode =
        record.coverageLevel === 'city'
          ? record.coverageCode
          : body.cityCode && deps.isCity(body.cityCode) && (record.coverageLevel === 'national' || body.cityCode.startsWith(record.coverageCode ?? '-'))
            ? body.cityCode
            : null
      await db.transaction(async (tx) => {
        const ratingId = await insertRating(tx, { recordId, serviceId: record.serviceId, agencyId: record.agencyId, cityCode, what: record.what, level: body.level, tags, comment, ratedAt: now })
        if (!ratingId) throw new HttpError(409, 'ALREADY_RATED', 'This case has been rated / 这件事已经评价过了，每件事只能评价一次')
        if (isPoorRating(body.level)) {
          await insertTicket(tx, { ratingId, agencyId: record.agencyId, serviceId: record.serviceId, openedAt: now, ...ticketDeadlines(now, deps.config) })
        }
      })
      return myRatingOf((await findCitizenRating(db, citizenId, recordId))!, now)
    },

    /** The citizen's ratings (with the agency's answers), for 办事记录. */
    async myRatings(citizenId: string, now: Date): Promise<MyRatingT[]> {
      return (await listCitizenRatings(db, citizenId)).map((r) => myRatingOf(r, now))
    },

    /** One rating of the citizen's record; 404 NOT_RATED when it has none. */
    async myRating(citizenId: string, recordId: string, now: Date): Promise<MyRatingT> {
      if (!(await findRecordCase(db, citizenId, recordId))) throw recordNotFound()
      const row = await findCitizenRating(db, citizenId, recordId)
      if (!row) throw new HttpError(404, 'NOT_RATED', 'This record has no rating / 这件事还没有评价')
      return myRatingOf(row, now)
    },

    /** The one 追评, once the agency has answered the poor rating: 409 before an answer, after a void, or the second time. */
    async followUp(citizenId: string, recordId: string, body: FollowUpRequestT, now: Date): Promise<MyRatingT> {
      if (!(await findRecordCase(db, citizenId, recordId))) throw recordNotFound()
      const row = await findCitizenRating(db, citizenId, recordId)
      if (!row) throw new HttpError(404, 'NOT_RATED', 'This record has no rating / 这件事还没有评价')
      if (row.voided_at) throw new HttpError(409, 'RATING_VOIDED', 'The rating was voided / 这条评价已被认定无效')
      if (!row.callback_at && !row.fix_at) throw new HttpError(409, 'NOT_ANSWERED', 'The agency has not answered yet / 部门答复后才能追评')
      const comment = storedComment(body.comment)
      if (!(await setFollowUp(db, row.rating_id, body.level, comment, now))) throw new HttpError(409, 'ALREADY_FOLLOWED_UP', 'Already followed up / 已经追评过了，只能追评一次')
      return myRatingOf((await findCitizenRating(db, citizenId, recordId))!, now)
    },

    /** Tickets of one agency (null: every agency's, for operators), optionally of one state as of `now`. */
    async tickets(agencyId: string | null, q: { state?: TicketState; limit?: number }, now: Date): Promise<TicketViewT[]> {
      return (await listTickets(db, { agencyId, state: q.state, now, limit: q.limit ?? 200 })).map((r) => ticketViewOf(r, now))
    },

    /** One ticket of the agency (null: any, for operators); 404 for another agency's. */
    async ticket(agencyId: string | null, ticketId: string, now: Date): Promise<TicketViewT> {
      return ticketViewOf(await agencyTicket(agencyId, ticketId), now)
    },

    /** The agency's callback (回访) or fix (整改) on its ticket, once each; PII in the text is masked like a comment. */
    async answer(agencyId: string, ticketId: string, which: 'callback' | 'fix', text: string, now: Date): Promise<TicketViewT> {
      const row = await agencyTicket(agencyId, ticketId)
      if (row.voided_at) throw new HttpError(409, 'RATING_VOIDED', 'The rating was voided on appeal / 该评价已被认定无效，无需答复')
      const stored = maskPiiInText(text.trim())
      if (stored === '') throw new HttpError(422, 'EMPTY_ANSWER', 'The answer is empty / 答复内容不能为空', [{ path: 'body.text', message: '请填写答复内容' }])
      if (!(await answerTicket(db, ticketId, which, stored, now))) {
        throw new HttpError(409, 'ALREADY_ANSWERED', `The ${which} was already given / ${which === 'callback' ? '已经回访过了' : '已经提交过整改结果了'}`)
      }
      const event: TicketAnswered = { ticketId, recordId: row.record_id, serviceId: row.service_id, which, at: now }
      for (const listener of listeners) {
        try {
          await listener(event)
        } catch (err) {
          deps.log?.error({ err, ticketId }, 'a ticket-answered listener failed')
        }
      }
      return ticketViewOf((await findTicket(db, ticketId, agencyId))!, now)
    },

    /** The agency's one appeal (申诉) of the rating behind its ticket; in the audit log. */
    async appeal(agencyId: string, ticketId: string, reason: string, now: Date): Promise<TicketViewT> {
      const row = await agencyTicket(agencyId, ticketId)
      if (row.voided_at) throw new HttpError(409, 'RATING_VOIDED', 'The rating was already voided / 该评价已被认定无效')
      await db.transaction(async (tx) => {
        const appealId = await insertAppeal(tx, { ratingId: row.rating_id, agencyId, reason: reason.trim(), at: now })
        if (!appealId) throw new HttpError(409, 'ALREADY_APPEALED', 'This rating was already appealed / 已经申诉过了，每条评价只能申诉一次')
        await recordAudit(tx, { actor: `agency:${agencyId}`, action: 'rating.appeal', subject: `rating:${row.rating_id}`, detail: { appealId, ticketId, serviceId: row.service_id, reason: reason.trim() } })
      })
      return ticketViewOf((await findTicket(db, ticketId, agencyId))!, now)
    },

    /** Appealed ratings for operators: undecided ones first of all (pendingOnly), as tickets. */
    async appeals(pendingOnly: boolean, now: Date): Promise<TicketViewT[]> {
      return (await listAppealed(db, pendingOnly, 200)).map((r) => ticketViewOf(r, now))
    },

    /**
     * An operator's decision on an appeal, with its reason, in the audit log:
     * upheld (the rating stands) or voided (it leaves the figures and its
     * ticket). 404 for no such appeal, 409 for one already decided.
     */
    async decide(operator: Principal, appealId: string, decision: 'upheld' | 'voided', reason: string, now: Date): Promise<void> {
      if (!ID.test(appealId)) throw new HttpError(404, 'APPEAL_NOT_FOUND', 'No such appeal / 找不到该申诉')
      await db.transaction(async (tx) => {
        const ratingId = await decideAppeal(tx, appealId, decision, reason.trim(), now)
        if (!ratingId) {
          if (await appealExists(tx, appealId)) throw new HttpError(409, 'APPEAL_DECIDED', 'This appeal was already decided / 该申诉已经处理过了')
          throw new HttpError(404, 'APPEAL_NOT_FOUND', 'No such appeal / 找不到该申诉')
        }
        if (decision === 'voided') await voidRating(tx, ratingId, now)
        await recordAudit(tx, { actor: `operator:${operator.tokenId}`, action: `rating.appeal.${decision}`, subject: `rating:${ratingId}`, detail: { appealId, reason: reason.trim() } })
      })
    },

    /**
     * Quality check 20 (feedback) from data: of the service's poor ratings in
     * the 90 days before `now` (voided ones left out), ≥ 95% answered on time
     * (callback and fix each by its deadline). A ticket with a deadline still
     * ahead and unanswered is not judged yet; no judged ticket passes.
     */
    async feedbackCheck(serviceId: string, now: Date): Promise<CheckResult> {
      return feedbackCheck(db, serviceId, now)
    },

    /**
     * One service's 好差评 per China month for its agency's figures: ratings,
     * mean level, share satisfied (4–5), tickets opened, answered on time and
     * the on-time share of those judged (pending ones wait); k-suppressed as
     * for analysts. Null when the service has no rating in the period.
     */
    async serviceMonths(serviceId: string, months: readonly string[], k: number, now: Date): Promise<AgencyRatingsFiguresT | null> {
      const { start, end } = monthSpan(months[0]!, months.at(-1)!)
      const [ratings, tickets] = await Promise.all([serviceRatingMonths(db, serviceId, start, end), serviceTicketMonths(db, serviceId, start, end)])
      if (ratings.length === 0) return null
      return {
        rows: months.map((month) => {
          const r = ratings.find((x) => x.month === month) ?? { ratings: 0, satisfied: 0, sum: 0 }
          const verdicts = tickets.filter((t) => t.month === month).map((t) => judgeTicket(t, now))
          const judged = verdicts.filter((v) => v !== 'pending').length
          const onTime = verdicts.filter((v) => v === 'on-time').length
          return {
            month,
            count: publishCount(r.ratings, k),
            mean: r.ratings >= k ? Math.round((r.sum / r.ratings) * 100) / 100 : null,
            satisfiedShare: publishRate(r.satisfied, r.ratings, k),
            tickets: publishCount(verdicts.length, k),
            answeredOnTime: publishCount(onTime, k),
            onTimeShare: publishRate(onTime, judged, k),
          }
        }),
      }
    },

    /** Satisfaction per service, agency, domain or city over whole China months [from, to], k-suppressed. */
    async satisfaction(by: SatisfactionDimension, months: { from: string; to: string }, k: number): Promise<SatisfactionAnswerT> {
      const { start, end } = monthSpan(months.from, months.to)
      const cells = await satisfactionCells(db, by, start, end)
      const total = cells.reduce((n, c) => n + c.ratings, 0)
      // Every listing is a partition of the total: complementary suppression, so total − the published rows gives nothing back.
      const counts = publishPartition(total, cells.map((c) => c.ratings), k)
      const rows = cells.map((c, i) => {
        const ratings = counts[i] ?? null
        // A withheld count withholds its share and mean; a share withheld (few satisfied) withholds the mean too.
        const satisfiedShare = ratings === null ? null : publishRate(c.satisfied, c.ratings, k)
        return {
          key: c.key ?? 'unknown',
          name: c.key === null ? '未知城市' : (c.name ?? c.key),
          ratings,
          satisfiedShare,
          mean: satisfiedShare === null ? null : Math.round((c.sum / c.ratings) * 100) / 100,
          suppressed: satisfiedShare === null,
        }
      })
      return { by, from: months.from, to: months.to, k, total: publishCount(total, k), rows }
    },
  }
}

export type RatingService = ReturnType<typeof createRatingService>

/** Whole China months [from, to] as instants: the first month's start and the start of the month after the last. */
function monthSpan(from: string, to: string): { start: Date; end: Date } {
  const [y, m] = to.split('-').map(Number) as [number, number]
  return { start: new Date(`${from}-01T00:00:00+08:00`), end: new Date(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01T00:00:00+08:00`) }
}

const FEEDBACK_DAYS = 90
const FEEDBACK_SHARE = 0.95

/**
 * A ticket as of `now`: answered on time (callback and fix each by its due
 * date), late (either past due, answered or not), or pending (still within
 * both deadlines, not judged yet).
 */
export function judgeTicket(k: { callback_due: Date; fix_due: Date; callback_at: Date | null; fix_at: Date | null }, now: Date): 'on-time' | 'late' | 'pending' {
  const t = now.getTime()
  const at = (d: Date | null) => (d ? new Date(d).getTime() : null)
  const cb = at(k.callback_at)
  const fx = at(k.fix_at)
  const cbDue = new Date(k.callback_due).getTime()
  const fxDue = new Date(k.fix_due).getTime()
  if (cb !== null && cb <= cbDue && fx !== null && fx <= fxDue) return 'on-time'
  const late = (cb === null ? t > cbDue : cb > cbDue) || (fx === null ? t > fxDue : fx > fxDue)
  return late ? 'late' : 'pending'
}

/** Check 20's result for a service as of `now` (see RatingService.feedbackCheck). */
export async function feedbackCheck(db: Queryable, serviceId: string, now: Date): Promise<CheckResult> {
  const since = new Date(now.getTime() - FEEDBACK_DAYS * 86_400_000)
  const tickets = await ticketTimeliness(db, serviceId, since)
  let judged = 0
  let onTime = 0
  let pending = 0
  for (const k of tickets) {
    const verdict = judgeTicket(k, now)
    if (verdict === 'on-time') (judged++, onTime++)
    else if (verdict === 'late') judged++
    else pending++
  }
  const share = judged ? onTime / judged : 1
  const evidence = [
    judged
      ? `${onTime} of ${judged} poor rating(s) of the last ${FEEDBACK_DAYS} days answered on time (${(share * 100).toFixed(1)}%, at least ${FEEDBACK_SHARE * 100}% needed)`
      : `no poor rating of the last ${FEEDBACK_DAYS} days to judge: passes`,
    ...(pending ? [`${pending} ticket(s) still within their deadlines, not judged yet`] : []),
  ]
  return { id: 'feedback', outcome: share >= FEEDBACK_SHARE ? 'pass' : 'fail', evidence }
}
