import { createHash } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { PaymentT } from '../../../src/api/payments'
import type { AccountCheckT, BillT, ProvidersT, UtilityAccountT, UtilityBillsT, UtilityPaymentsT } from '../../../src/api/utilities'
import { addMonths } from '../../../src/domain/calendar-months'
import { chinaToday } from '../../../src/domain/china-time'
import { maskTail } from '../../../src/domain/mask'
import { formatYuan } from '../../../src/domain/money'
import { monthsText } from '../../../src/domain/utility-arrears'
import { TOP_UP_MAX_FEN, TOP_UP_MIN_FEN, accountFormProblems, normalizeAccountForm, type UtilityAccountForm } from '../../../src/domain/utility-forms'
import { UTILITY_KINDS } from '../../../src/domain/utility-kinds'
import { MAX_BILL_MONTHS } from '../../contracts/utilities'
import { HttpError } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { formProblems } from '../citizens/form-problems'
import { requireIdentity } from '../citizens/identity-service'
import type { Payments } from '../payments/payment-service'
import { type PaymentSubject, formatSubject } from '../payments/payment-subject'
import { type UtilityAccountRow, deleteUtilityAccount, findUtilityAccount, insertUtilityAccount, listUtilityAccounts, saveSubject } from './repository'
import { openAccountNo, sealAccountNo } from './sealed-account-no'
import { type UtilityCompany, utilityCompany } from './utility-company'

/** How many household accounts one citizen may bind, all services together. */
export const MAX_UTILITY_ACCOUNTS = 10

/** The payment subject of a set of bills: the same bills give the same subject, so 20 taps make one order. */
export function billsSubject(accountId: string, billIds: readonly string[]): PaymentSubject {
  return { kind: 'bills', id: `${accountId}:${createHash('sha256').update([...billIds].sort().join(',')).digest('hex').slice(0, 16)}` }
}

/** The payment subject of one top-up the citizen started (`requestId`: a repeated tap is the same one). */
export function topUpSubject(accountId: string, requestId: string): PaymentSubject {
  return { kind: 'topup', id: `${accountId}:${requestId}` }
}

export interface PaymentOpened {
  payment: PaymentT
  created: boolean
}

/**
 * 生活缴费 through a city's utilities service (utilities@1): household
 * accounts bound per citizen (户号 sealed, found again by a keyed hash),
 * bills read at the company, arrears paid in one payment and prepaid meters
 * topped up through the payment agency. The company is told at fulfilment
 * (fulfil-utility-payments.ts).
 */
export function createUtilities(deps: CitizenDeps & { payments: Payments }) {
  const { db, box, lookup, payments } = deps
  const company = (serviceId: string, log: FastifyBaseLogger) => utilityCompany(deps, serviceId, log)

  function view(row: UtilityAccountRow): UtilityAccountT {
    return {
      id: row.id,
      serviceId: row.service_id,
      providerId: row.provider_id,
      providerKind: row.provider_kind,
      providerName: row.provider_name,
      accountNo: maskTail(openAccountNo(box, row.sealed)),
      holderName: row.holder_masked,
      address: row.address_masked,
      prepaid: row.prepaid,
      createdAt: new Date(row.created_at).toISOString(),
    }
  }

  async function accountAt(citizenId: string, serviceId: string, accountId: string): Promise<UtilityAccountRow> {
    const row = await findUtilityAccount(db, citizenId, serviceId, accountId)
    if (!row) throw new HttpError(404, 'UTILITY_ACCOUNT_NOT_BOUND', 'No such bound account / 未找到该绑定户号')
    return row
  }

  const bodyOf = (row: UtilityAccountRow) => ({ providerId: row.provider_id, accountNo: openAccountNo(box, row.sealed) })

  /** The company's answer for a 户号 with its name and kind, after the form's own checks. */
  async function checkAt(agency: UtilityCompany, form: UtilityAccountForm): Promise<AccountCheckT> {
    const problems = accountFormProblems(form)
    if (problems.length > 0) throw formProblems(problems)
    const [{ providers }, info] = await Promise.all([agency.call('listProviders', {}), agency.call('verifyAccount', { body: form })])
    const provider = providers.find((p) => p.id === form.providerId)
    if (!provider) throw new HttpError(404, 'PROVIDER_NOT_FOUND', 'No such company / 未找到该缴费单位')
    return { ...info, providerName: provider.name, providerKind: provider.kind }
  }

  /** Reads the account's unpaid bills at the company and refuses when one asked for is not (any more) owed. */
  async function owedBills(agency: UtilityCompany, row: UtilityAccountRow, billIds: readonly string[]): Promise<BillT[]> {
    const to = chinaToday().slice(0, 7)
    const { bills } = await agency.call('listBills', { body: { ...bodyOf(row), from: addMonths(to, 1 - MAX_BILL_MONTHS), to } })
    return billIds.map((id) => {
      const bill = bills.find((b) => b.id === id)
      if (!bill) throw new HttpError(404, 'BILL_NOT_FOUND', 'No such bill for this account / 该户号没有这张账单，请刷新后重试')
      if (bill.status !== 'unpaid') {
        throw new HttpError(409, 'BILL_ALREADY_PAID', `A bill was paid elsewhere meanwhile; nothing was charged / ${bill.month.slice(0, 4)}年${Number(bill.month.slice(5))}月的账单已在其他渠道缴纳，本次未扣款，请刷新账单后重新选择`)
      }
      return bill
    })
  }

  /** The payment for the subject when this citizen already has one past its creation (paid, done, refunded). */
  async function settled(citizenId: string, serviceId: string, subject: PaymentSubject): Promise<PaymentT | undefined> {
    const existing = await payments.findOpen(serviceId, subject)
    return existing && existing.citizen_id === citizenId && existing.status !== 'created' ? payments.view(existing) : undefined
  }

  /** Remembers what the subject stands for (read at fulfilment, even after an unbind). */
  const remember = (subject: PaymentSubject, row: UtilityAccountRow, billIds: string[], months: string[]) =>
    saveSubject(db, { subject: formatSubject(subject), account_id: row.id, provider_id: row.provider_id, sealed: row.sealed, bill_ids: billIds, months })

  return {
    async providers(serviceId: string, log: FastifyBaseLogger): Promise<ProvidersT> {
      return (await company(serviceId, log)).call('listProviders', {})
    },

    async list(citizenId: string, serviceId: string): Promise<UtilityAccountT[]> {
      return (await listUtilityAccounts(db, citizenId, serviceId)).map(view)
    },

    /** The holder's masked name and address for a 户号, to confirm before binding (needs 实名认证). */
    async check(citizenId: string, serviceId: string, raw: UtilityAccountForm, log: FastifyBaseLogger): Promise<AccountCheckT> {
      await requireIdentity(db, box, citizenId)
      return checkAt(await company(serviceId, log), normalizeAccountForm(raw))
    },

    /** Binds a 户号 the company knows (needs 实名认证); the 户号 is sealed, found again by a keyed hash. */
    async bind(citizenId: string, serviceId: string, raw: UtilityAccountForm, log: FastifyBaseLogger): Promise<UtilityAccountT> {
      await requireIdentity(db, box, citizenId)
      const form = normalizeAccountForm(raw)
      const info = await checkAt(await company(serviceId, log), form)
      const result = await insertUtilityAccount(
        db,
        {
          citizenId,
          serviceId,
          providerId: form.providerId,
          providerKind: info.providerKind,
          providerName: info.providerName,
          sealed: sealAccountNo(box, form.accountNo),
          accountKey: lookup('utility-account', `${serviceId}|${form.providerId}|${form.accountNo}`),
          holderMasked: info.holderName,
          addressMasked: info.address,
          prepaid: info.prepaid,
        },
        MAX_UTILITY_ACCOUNTS,
      )
      if ('refused' in result) {
        throw result.refused === 'duplicate'
          ? new HttpError(409, 'UTILITY_ACCOUNT_ALREADY_BOUND', 'This account is already bound / 该户号已绑定，无需重复绑定')
          : new HttpError(409, 'TOO_MANY_UTILITY_ACCOUNTS', `At most ${MAX_UTILITY_ACCOUNTS} accounts / 最多绑定 ${MAX_UTILITY_ACCOUNTS} 个户号，请先解绑不用的户号`)
      }
      return view(result.row)
    },

    async unbind(citizenId: string, serviceId: string, accountId: string): Promise<void> {
      if (!(await deleteUtilityAccount(db, citizenId, serviceId, accountId))) throw new HttpError(404, 'UTILITY_ACCOUNT_NOT_BOUND', 'No such bound account / 未找到该绑定户号')
    },

    /** Bills by month from the company; by default this month and the 12 before it. */
    async bills(citizenId: string, serviceId: string, accountId: string, range: { from?: string; to?: string }, log: FastifyBaseLogger): Promise<UtilityBillsT> {
      const row = await accountAt(citizenId, serviceId, accountId)
      const to = range.to ?? chinaToday().slice(0, 7)
      const from = range.from ?? addMonths(to, -12)
      const list = await (await company(serviceId, log)).call('listBills', { body: { ...bodyOf(row), from, to } })
      return { account: view(row), ...list }
    },

    /**
     * One payment for the chosen bills (amounts + late fees as the company
     * says now). The bills are read again first: one paid elsewhere meanwhile
     * is refused before anything is charged. The same bills give the same
     * order, however many taps.
     */
    async payBills(citizenId: string, serviceId: string, accountId: string, billIds: string[], log: FastifyBaseLogger): Promise<PaymentOpened> {
      const subject = billsSubject(accountId, billIds)
      const done = await settled(citizenId, serviceId, subject)
      if (done) return { payment: done, created: false }
      const row = await accountAt(citizenId, serviceId, accountId)
      const bills = await owedBills(await company(serviceId, log), row, billIds)
      const months = bills.map((b) => b.month).sort()
      await remember(subject, row, billIds, months)
      const label = UTILITY_KINDS[row.provider_kind].label
      return payments.open(
        {
          citizenId,
          serviceId,
          subject,
          amountFen: bills.reduce((s, b) => s + b.amountFen + b.lateFeeFen, 0),
          description: `生活缴费（${label}）`,
          what: `缴纳${label}（${monthsText(months)}）`,
        },
        log,
      )
    },

    /** One payment topping up a prepaid meter; `requestId` makes a repeated tap the same order. */
    async topUp(citizenId: string, serviceId: string, accountId: string, amountFen: number, requestId: string, log: FastifyBaseLogger): Promise<PaymentOpened> {
      if (amountFen < TOP_UP_MIN_FEN || amountFen > TOP_UP_MAX_FEN) {
        const message = `每次充值 ${TOP_UP_MIN_FEN / 100}–${TOP_UP_MAX_FEN / 100} 元`
        throw new HttpError(422, 'VALIDATION_FAILED', message, [{ path: 'body.amountFen', message }])
      }
      const subject = topUpSubject(accountId, requestId)
      const done = await settled(citizenId, serviceId, subject)
      if (done) return { payment: done, created: false }
      const row = await accountAt(citizenId, serviceId, accountId)
      if (!row.prepaid) throw new HttpError(422, 'NOT_PREPAID', 'This account has no prepaid meter / 该户号不是预付费表，请按账单缴费')
      await remember(subject, row, [], [])
      return payments.open({ citizenId, serviceId, subject, amountFen, description: '电费充值', what: `预付费电表充值 ${formatYuan(amountFen)}` }, log)
    },

    /** The account's payments at the company, every channel (counter, bank, online). */
    async history(citizenId: string, serviceId: string, accountId: string, log: FastifyBaseLogger): Promise<UtilityPaymentsT> {
      const row = await accountAt(citizenId, serviceId, accountId)
      const { payments: list } = await (await company(serviceId, log)).call('listPayments', { body: bodyOf(row) })
      return { account: view(row), payments: list }
    },
  }
}

export type Utilities = ReturnType<typeof createUtilities>
