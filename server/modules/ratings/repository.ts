import type { Queryable } from '../../db/db'
import type { SatisfactionDimension, TicketState } from '../../../src/api/ratings'

/** The only SQL of 好差评: ratings, their rectification tickets and appeals (025_ratings.sql). */

export interface NewRating {
  recordId: string
  serviceId: string
  agencyId: string
  cityCode: string | null
  what: string
  level: number
  tags: string[]
  comment: string | null
  ratedAt: Date
}

/** Inserts the rating; undefined when the record already has one (one rating per case, even under a race). */
export async function insertRating(db: Queryable, r: NewRating): Promise<string | undefined> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO ratings (record_id, service_id, agency_id, city_code, what, level, tags, comment, rated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9) ON CONFLICT (record_id) DO NOTHING RETURNING id::text`,
    [r.recordId, r.serviceId, r.agencyId, r.cityCode, r.what, r.level, JSON.stringify(r.tags), r.comment, r.ratedAt.toISOString()],
  )
  return row?.id
}

export async function insertTicket(db: Queryable, t: { ratingId: string; agencyId: string; serviceId: string; callbackDue: Date; fixDue: Date; openedAt: Date }): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO rating_tickets (rating_id, agency_id, service_id, callback_due, fix_due, opened_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text`,
    [t.ratingId, t.agencyId, t.serviceId, t.callbackDue.toISOString(), t.fixDue.toISOString(), t.openedAt.toISOString()],
  )
  return row!.id
}

/** A rating with its ticket and appeal, as every view of it is built from. */
export interface RatingRow {
  rating_id: string
  record_id: string | null
  service_id: string
  service_name: string
  agency_id: string
  what: string
  level: number
  tags: string[]
  comment: string | null
  rated_at: Date
  voided_at: Date | null
  follow_up_level: number | null
  follow_up_comment: string | null
  follow_up_at: Date | null
  ticket_id: string | null
  callback_due: Date | null
  fix_due: Date | null
  callback_at: Date | null
  callback_text: string | null
  fix_at: Date | null
  fix_text: string | null
  appeal_id: string | null
  appeal_reason: string | null
  appeal_filed_at: Date | null
  decision: 'upheld' | 'voided' | null
  decision_reason: string | null
  decided_at: Date | null
}

const SELECT = `SELECT g.id::text AS rating_id, g.record_id, g.service_id, s.name AS service_name, g.agency_id, g.what, g.level, g.tags,
    g.comment, g.rated_at, g.voided_at, g.follow_up_level, g.follow_up_comment, g.follow_up_at,
    t.id::text AS ticket_id, t.callback_due, t.fix_due, t.callback_at, t.callback_text, t.fix_at, t.fix_text,
    a.id::text AS appeal_id, a.reason AS appeal_reason, a.filed_at AS appeal_filed_at, a.decision, a.decision_reason, a.decided_at
  FROM ratings g JOIN services s ON s.id = g.service_id
  LEFT JOIN rating_tickets t ON t.rating_id = g.id
  LEFT JOIN rating_appeals a ON a.rating_id = g.id`

// A ticket's state as of $now: voided on appeal, answered (both answers in), overdue (a deadline passed unanswered), else open.
const STATE = (now: string) => `CASE
    WHEN g.voided_at IS NOT NULL THEN 'voided'
    WHEN t.callback_at IS NOT NULL AND t.fix_at IS NOT NULL THEN 'answered'
    WHEN (t.callback_at IS NULL AND t.callback_due < ${now}) OR (t.fix_at IS NULL AND t.fix_due < ${now}) THEN 'overdue'
    ELSE 'open' END`

/** The citizen's ratings (through their records: the rating itself names no one). */
export function listCitizenRatings(db: Queryable, citizenId: string): Promise<RatingRow[]> {
  return db.query<RatingRow>(`${SELECT} JOIN citizen_records r ON r.id = g.record_id WHERE r.citizen_id = $1 ORDER BY g.rated_at DESC`, [citizenId])
}

export async function findCitizenRating(db: Queryable, citizenId: string, recordId: string): Promise<RatingRow | undefined> {
  const [row] = await db.query<RatingRow>(`${SELECT} JOIN citizen_records r ON r.id = g.record_id WHERE r.citizen_id = $1 AND g.record_id = $2`, [citizenId, recordId])
  return row
}

/** Sets the one follow-up; false when there already is one. */
export async function setFollowUp(db: Queryable, ratingId: string, level: number, comment: string | null, at: Date): Promise<boolean> {
  const rows = await db.query('UPDATE ratings SET follow_up_level = $2, follow_up_comment = $3, follow_up_at = $4 WHERE id = $1 AND follow_up_at IS NULL RETURNING id', [
    ratingId, level, comment, at.toISOString(),
  ])
  return rows.length > 0
}

/** Tickets, newest first: of one agency, or every agency's (agencyId null); of one state as of `now` if asked. */
export function listTickets(db: Queryable, q: { agencyId: string | null; state?: TicketState; now: Date; limit: number }): Promise<RatingRow[]> {
  return db.query<RatingRow>(
    `${SELECT} WHERE t.id IS NOT NULL AND ($1::text IS NULL OR t.agency_id = $1) AND ($2::text IS NULL OR ${STATE('$3::timestamptz')} = $2)
     ORDER BY t.opened_at DESC, t.id DESC LIMIT $4`,
    [q.agencyId, q.state ?? null, q.now.toISOString(), q.limit],
  )
}

/** One ticket: of the agency (null: any agency's, for operators). */
export async function findTicket(db: Queryable, ticketId: string, agencyId: string | null): Promise<RatingRow | undefined> {
  const [row] = await db.query<RatingRow>(`${SELECT} WHERE t.id = $1 AND ($2::text IS NULL OR t.agency_id = $2)`, [ticketId, agencyId])
  return row
}

/** Records the agency's callback (回访) or fix (整改); false when it was already given. */
export async function answerTicket(db: Queryable, ticketId: string, which: 'callback' | 'fix', text: string, at: Date): Promise<boolean> {
  const rows = await db.query(`UPDATE rating_tickets SET ${which}_at = $2, ${which}_text = $3 WHERE id = $1 AND ${which}_at IS NULL RETURNING id`, [ticketId, at.toISOString(), text])
  return rows.length > 0
}

/** Files the agency's one appeal of a rating; undefined when it already appealed. */
export async function insertAppeal(db: Queryable, a: { ratingId: string; agencyId: string; reason: string; at: Date }): Promise<string | undefined> {
  const [row] = await db.query<{ id: string }>(
    'INSERT INTO rating_appeals (rating_id, agency_id, reason, filed_at) VALUES ($1, $2, $3, $4) ON CONFLICT (rating_id) DO NOTHING RETURNING id::text',
    [a.ratingId, a.agencyId, a.reason, a.at.toISOString()],
  )
  return row?.id
}

/** Ratings with an appeal: undecided ones only, or all; newest first. */
export function listAppealed(db: Queryable, pendingOnly: boolean, limit: number): Promise<RatingRow[]> {
  return db.query<RatingRow>(`${SELECT} WHERE a.id IS NOT NULL AND (NOT $1::boolean OR a.decision IS NULL) ORDER BY a.filed_at DESC LIMIT $2`, [pendingOnly, limit])
}

/** Decides an undecided appeal; the rating id, or undefined when there is no such undecided appeal. */
export async function decideAppeal(db: Queryable, appealId: string, decision: 'upheld' | 'voided', reason: string, at: Date): Promise<string | undefined> {
  const [row] = await db.query<{ rating_id: string }>(
    `UPDATE rating_appeals SET decision = $2, decision_reason = $3, decided_at = $4 WHERE id = $1 AND decision IS NULL RETURNING rating_id::text`,
    [appealId, decision, reason, at.toISOString()],
  )
  return row?.rating_id
}

export async function appealExists(db: Queryable, appealId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM rating_appeals WHERE id = $1', [appealId])).length > 0
}

export async function voidRating(db: Queryable, ratingId: string, at: Date): Promise<void> {
  await db.query('UPDATE ratings SET voided_at = $2 WHERE id = $1 AND voided_at IS NULL', [ratingId, at.toISOString()])
}

/** A service's poor ratings' tickets opened since `since` (voided ones left out): when they were due and answered. */
export function ticketTimeliness(db: Queryable, serviceId: string, since: Date): Promise<Array<{ callback_due: Date; fix_due: Date; callback_at: Date | null; fix_at: Date | null }>> {
  return db.query(
    `SELECT t.callback_due, t.fix_due, t.callback_at, t.fix_at FROM rating_tickets t JOIN ratings g ON g.id = t.rating_id
     WHERE t.service_id = $1 AND t.opened_at >= $2 AND g.voided_at IS NULL`,
    [serviceId, since.toISOString()],
  )
}

export interface SatisfactionCell {
  key: string | null
  name: string | null
  ratings: number
  satisfied: number
  sum: number
}

const GROUPS: Record<SatisfactionDimension, { key: string; name: string; join: string }> = {
  service: { key: 's.id', name: 's.name', join: '' },
  agency: { key: 'ag.id', name: 'ag.name', join: 'JOIN agencies ag ON ag.id = g.agency_id' },
  domain: { key: 's.domain', name: 's.domain', join: '' },
  city: { key: 'g.city_code', name: 'c.name', join: 'LEFT JOIN cities c ON c.code = g.city_code' },
}

/** Ratings per group in [from, to): count, how many satisfied (4–5), the sum of levels. Voided ratings left out. */
export async function satisfactionCells(db: Queryable, by: SatisfactionDimension, from: Date, to: Date): Promise<SatisfactionCell[]> {
  const g = GROUPS[by]
  const rows = await db.query<{ key: string | null; name: string | null; ratings: string; satisfied: string; sum: string }>(
    `SELECT ${g.key} AS key, ${g.name} AS name, count(*) AS ratings, count(*) FILTER (WHERE g.level >= 4) AS satisfied, sum(g.level) AS sum
     FROM ratings g JOIN services s ON s.id = g.service_id ${g.join}
     WHERE g.voided_at IS NULL AND g.rated_at >= $1 AND g.rated_at < $2
     GROUP BY 1, 2 ORDER BY 1`,
    [from.toISOString(), to.toISOString()],
  )
  return rows.map((r) => ({ key: r.key, name: r.name, ratings: Number(r.ratings), satisfied: Number(r.satisfied), sum: Number(r.sum) }))
}

/** One service's ratings per China month in [from, to) (voided ones left out): count, satisfied (4–5), sum of levels. */
export async function serviceRatingMonths(db: Queryable, serviceId: string, from: Date, to: Date): Promise<Array<{ month: string; ratings: number; satisfied: number; sum: number }>> {
  const rows = await db.query<{ month: string; ratings: string; satisfied: string; sum: string }>(
    `SELECT to_char(rated_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*) AS ratings,
            count(*) FILTER (WHERE level >= 4) AS satisfied, sum(level) AS sum
     FROM ratings WHERE service_id = $1 AND voided_at IS NULL AND rated_at >= $2 AND rated_at < $3
     GROUP BY 1 ORDER BY 1`,
    [serviceId, from.toISOString(), to.toISOString()],
  )
  return rows.map((r) => ({ month: r.month, ratings: Number(r.ratings), satisfied: Number(r.satisfied), sum: Number(r.sum) }))
}

/** One service's tickets opened in [from, to) (voided ratings left out), with the China month they opened in, their deadlines and answers. */
export function serviceTicketMonths(db: Queryable, serviceId: string, from: Date, to: Date): Promise<Array<{ month: string; callback_due: Date; fix_due: Date; callback_at: Date | null; fix_at: Date | null }>> {
  return db.query(
    `SELECT to_char(t.opened_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, t.callback_due, t.fix_due, t.callback_at, t.fix_at
     FROM rating_tickets t JOIN ratings g ON g.id = t.rating_id
     WHERE t.service_id = $1 AND t.opened_at >= $2 AND t.opened_at < $3 AND g.voided_at IS NULL`,
    [serviceId, from.toISOString(), to.toISOString()],
  )
}
