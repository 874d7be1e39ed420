import type { Queryable } from '../../db/db'
import type { CaseState, MessageT } from '../../../src/api/messages'

/** A case (办事记录 item) as a message describes it. */
export interface CaseRow {
  id: string
  citizen_id: string
  service_id: string
  what: string
  amount_fen: string | number | null
}

/** The cases a change names: one record by id, or every record of a ref (a fine two citizens follow is one change for both). */
export async function findCases(db: Queryable, by: { recordId: string } | { ref: string }): Promise<CaseRow[]> {
  const [column, value] = 'recordId' in by ? ['id::text', by.recordId] : ['ref', by.ref]
  return db.query<CaseRow>(`SELECT id, citizen_id, service_id, what, amount_fen FROM citizen_records WHERE ${column} = $1`, [value])
}

export interface NewMessage {
  citizenId: string
  recordId: string
  state: CaseState
  title: string
  body: string
  /** A subscription message is to be sent for it. */
  wechat: boolean
}

/** Inserts the message unless the case already has one for this state; answers whether it is new. */
export async function insertMessage(db: Queryable, m: NewMessage): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO citizen_messages (citizen_id, record_id, state, title, body, wechat)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (record_id, state) DO NOTHING RETURNING id`,
    [m.citizenId, m.recordId, m.state, m.title, m.body, m.wechat ? 'pending' : 'none'],
  )
  return rows.length > 0
}

interface MessageRow {
  id: string
  record_id: string
  service_id: string
  service_name: string
  state: CaseState
  title: string
  body: string
  read_at: Date | null
  created_at: Date
}

/** The citizen's messages, newest first. */
export async function listMessages(db: Queryable, citizenId: string, limit = 100): Promise<MessageT[]> {
  const rows = await db.query<MessageRow>(
    `SELECT m.id, m.record_id, r.service_id, s.name AS service_name, m.state, m.title, m.body, m.read_at, m.created_at
     FROM citizen_messages m JOIN citizen_records r ON r.id = m.record_id JOIN services s ON s.id = r.service_id
     WHERE m.citizen_id = $1 ORDER BY m.created_at DESC, m.id LIMIT $2`,
    [citizenId, limit],
  )
  return rows.map((r) => ({
    id: r.id,
    recordId: r.record_id,
    serviceId: r.service_id,
    serviceName: r.service_name,
    state: r.state,
    title: r.title,
    body: r.body,
    read: r.read_at !== null,
    createdAt: new Date(r.created_at).toISOString(),
  }))
}

export async function countUnread(db: Queryable, citizenId: string): Promise<number> {
  const [row] = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM citizen_messages WHERE citizen_id = $1 AND read_at IS NULL', [citizenId])
  return Number(row?.n ?? 0)
}

/** Marks the citizen's messages read (these ids, or all); another citizen's ids match nothing. */
export async function markRead(db: Queryable, citizenId: string, ids?: readonly string[]): Promise<void> {
  if (ids) {
    await db.query('UPDATE citizen_messages SET read_at = now() WHERE citizen_id = $1 AND read_at IS NULL AND id::text = ANY($2::text[])', [citizenId, ids])
  } else {
    await db.query('UPDATE citizen_messages SET read_at = now() WHERE citizen_id = $1 AND read_at IS NULL', [citizenId])
  }
}

/**
 * Check 17's evidence: the service's cases that reached paid or done in the
 * last `days` days, and how many of them have a message.
 */
export async function caseMessageCounts(db: Queryable, serviceId: string, days: number): Promise<{ changed: number; notified: number }> {
  const [row] = await db.query<{ changed: string | number; notified: string | number }>(
    `SELECT count(*) AS changed,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM citizen_messages m WHERE m.record_id = r.id)) AS notified
     FROM citizen_records r
     WHERE r.service_id = $1 AND r.status IN ('paid', 'done') AND r.updated_at >= now() - make_interval(days => $2)`,
    [serviceId, days],
  )
  return { changed: Number(row?.changed ?? 0), notified: Number(row?.notified ?? 0) }
}
