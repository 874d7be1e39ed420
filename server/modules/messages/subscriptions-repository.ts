import type { Queryable } from '../../db/db'

export interface ChoiceRow {
  template_id: string
  choice: 'accept' | 'reject'
  quota: number
}

// One dialog's accept grants one message; a citizen who taps accept on every payment builds up no more than this.
const MAX_QUOTA = 20

export async function listChoices(db: Queryable, citizenId: string): Promise<ChoiceRow[]> {
  return db.query<ChoiceRow>('SELECT template_id, choice, quota FROM subscription_choices WHERE citizen_id = $1', [citizenId])
}

/** Records one answer of the WeChat dialog: an accept adds one message to the quota, a reject clears it. */
export async function recordChoice(db: Queryable, citizenId: string, templateId: string, choice: 'accept' | 'reject'): Promise<void> {
  await db.query(
    `INSERT INTO subscription_choices (citizen_id, template_id, choice, quota) VALUES ($1, $2, $3, $4)
     ON CONFLICT (citizen_id, template_id) DO UPDATE SET choice = $3,
       quota = CASE WHEN $3 = 'accept' THEN LEAST(subscription_choices.quota + 1, ${MAX_QUOTA}) ELSE 0 END, updated_at = now()`,
    [citizenId, templateId, choice, choice === 'accept' ? 1 : 0],
  )
}

/** Takes one message of the quota; false when the citizen has none left (or refused). */
export async function takeQuota(db: Queryable, citizenId: string, templateId: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE subscription_choices SET quota = quota - 1, updated_at = now()
     WHERE citizen_id = $1 AND template_id = $2 AND choice = 'accept' AND quota > 0 RETURNING 1`,
    [citizenId, templateId],
  )
  return rows.length > 0
}

/** WeChat answered 43101 (refused, or no quota there): nothing more is sent or asked for until the citizen accepts again. */
export async function markRefused(db: Queryable, citizenId: string, templateId: string): Promise<void> {
  await db.query(`UPDATE subscription_choices SET choice = 'reject', quota = 0, updated_at = now() WHERE citizen_id = $1 AND template_id = $2`, [citizenId, templateId])
}

export async function saveRecipient(db: Queryable, citizenId: string, openidSealed: string): Promise<void> {
  await db.query(
    `INSERT INTO wechat_recipients (citizen_id, openid_sealed) VALUES ($1, $2)
     ON CONFLICT (citizen_id) DO UPDATE SET openid_sealed = $2, updated_at = now()`,
    [citizenId, openidSealed],
  )
}

export async function findRecipient(db: Queryable, citizenId: string): Promise<string | undefined> {
  const [row] = await db.query<{ openid_sealed: string }>('SELECT openid_sealed FROM wechat_recipients WHERE citizen_id = $1', [citizenId])
  return row?.openid_sealed
}

/** A pending subscription message, claimed by this process. */
export interface ClaimedSend {
  id: string
  citizen_id: string
  state: string
  title: string
  what: string
  created_at: Date
}

/**
 * Claims up to `limit` pending subscription messages for this process
 * (`FOR UPDATE SKIP LOCKED`: two server processes never claim the same
 * one). A claimed message is never pending again, so it is sent at most once.
 */
export async function claimPending(db: Queryable, limit: number): Promise<ClaimedSend[]> {
  return db.query<ClaimedSend>(
    `WITH next AS (
       SELECT id FROM citizen_messages WHERE wechat = 'pending' ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED
     )
     UPDATE citizen_messages m SET wechat = 'sending' FROM next, citizen_records r
     WHERE m.id = next.id AND r.id = m.record_id
     RETURNING m.id, m.citizen_id, m.state, m.title, r.what, m.created_at`,
    [limit],
  )
}

export async function setSendOutcome(db: Queryable, messageId: string, outcome: 'sent' | 'skipped' | 'refused' | 'failed' | 'pending'): Promise<void> {
  await db.query('UPDATE citizen_messages SET wechat = $2 WHERE id = $1', [messageId, outcome])
}
