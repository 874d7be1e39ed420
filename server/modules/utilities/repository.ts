import type { Queryable } from '../../db/db'

export interface UtilityAccountRow {
  id: string
  service_id: string
  provider_id: string
  provider_kind: 'water' | 'electricity' | 'gas'
  provider_name: string
  /** { accountNo }, sealed */
  sealed: string
  holder_masked: string
  address_masked: string
  prepaid: boolean
  created_at: Date
}

export interface NewUtilityAccount {
  citizenId: string
  serviceId: string
  providerId: string
  providerKind: string
  providerName: string
  sealed: string
  accountKey: string
  holderMasked: string
  addressMasked: string
  prepaid: boolean
}

const COLUMNS = 'id, service_id, provider_id, provider_kind, provider_name, sealed, holder_masked, address_masked, prepaid, created_at'

export function listUtilityAccounts(db: Queryable, citizenId: string, serviceId: string): Promise<UtilityAccountRow[]> {
  return db.query<UtilityAccountRow>(`SELECT ${COLUMNS} FROM utility_accounts WHERE citizen_id = $1 AND service_id = $2 ORDER BY created_at, id`, [citizenId, serviceId])
}

export async function findUtilityAccount(db: Queryable, citizenId: string, serviceId: string, accountId: string): Promise<UtilityAccountRow | undefined> {
  const [row] = await db.query<UtilityAccountRow>(`SELECT ${COLUMNS} FROM utility_accounts WHERE citizen_id = $1 AND service_id = $2 AND id = $3`, [citizenId, serviceId, accountId])
  return row
}

/**
 * Binds the account unless the citizen already has it or already has `max`
 * (one statement, so two binds at once cannot pass the limit together).
 */
export async function insertUtilityAccount(db: Queryable, a: NewUtilityAccount, max: number): Promise<{ row: UtilityAccountRow } | { refused: 'duplicate' | 'limit' }> {
  const rows = await db.query<UtilityAccountRow>(
    `INSERT INTO utility_accounts (citizen_id, service_id, provider_id, provider_kind, provider_name, sealed, account_key, holder_masked, address_masked, prepaid)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 WHERE (SELECT count(*) FROM utility_accounts WHERE citizen_id = $1) < $11
     ON CONFLICT (citizen_id, account_key) DO NOTHING
     RETURNING ${COLUMNS}`,
    [a.citizenId, a.serviceId, a.providerId, a.providerKind, a.providerName, a.sealed, a.accountKey, a.holderMasked, a.addressMasked, a.prepaid, max],
  )
  if (rows[0]) return { row: rows[0] }
  const [dup] = await db.query('SELECT 1 FROM utility_accounts WHERE citizen_id = $1 AND account_key = $2', [a.citizenId, a.accountKey])
  return { refused: dup ? 'duplicate' : 'limit' }
}

export async function deleteUtilityAccount(db: Queryable, citizenId: string, serviceId: string, accountId: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM utility_accounts WHERE citizen_id = $1 AND service_id = $2 AND id = $3 RETURNING id', [citizenId, serviceId, accountId])
  return rows.length === 1
}

export interface PaymentSubjectRow {
  subject: string
  account_id: string
  provider_id: string
  sealed: string
  bill_ids: string[]
  months: string[]
}

/** Remembers what a payment subject stands for; the first write wins (concurrent attempts write the same). */
export async function saveSubject(db: Queryable, s: PaymentSubjectRow): Promise<void> {
  await db.query(
    `INSERT INTO utility_payment_subjects (subject, account_id, provider_id, sealed, bill_ids, months) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (subject) DO NOTHING`,
    [s.subject, s.account_id, s.provider_id, s.sealed, s.bill_ids, s.months],
  )
}

export async function findSubject(db: Queryable, subject: string): Promise<PaymentSubjectRow | undefined> {
  const [row] = await db.query<PaymentSubjectRow>('SELECT subject, account_id, provider_id, sealed, bill_ids, months FROM utility_payment_subjects WHERE subject = $1', [subject])
  return row
}
