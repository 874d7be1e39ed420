import { randomBytes } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { PaymentNotificationT, PrepayT } from '../../contracts/payment'
import type { SigningKeys } from '../../contracts/signing'
import { HttpError } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { addRecord, setRecordStatus } from '../citizens/records-service'
import { callAgency } from '../gateway/agency-client'
import { platformAgencyFor } from '../gateway/bound-agency'
import { notifyCaseChange } from '../messages/messages-service'
import { FulfilmentRefused } from './fulfilment-refused'
import { type PaymentSubject, formatSubject, parseSubject } from './payment-subject'
import { SubjectTaken } from './subject-taken'
import {
  type PaymentRow,
  findOpenPayment,
  findOpenPaymentElsewhere,
  findPayment,
  insertOrFindOpen,
  markClosed,
  markDone,
  markPaid,
  markRefunded,
  needingReconciliation,
  replacePrepay,
  setPrepay,
} from './repository'
import type { PaymentT } from '../../../src/api/payments'

export type { PaymentRow } from './repository'

/** How long a citizen has to pay an order (the payment agency's order lifetime): past it, an order never created there is closed rather than made. */
export const PAYMENT_WINDOW_MS = 30 * 60_000

/** What a citizen pays for: a service's subject and the amount due now. */
export interface PaymentRequest {
  citizenId: string
  serviceId: string
  subject: PaymentSubject
  amountFen: number
  /** On the WeChat Pay bill, e.g. 交通违法罚款. */
  description: string
  /** In 办事记录, e.g. 缴纳交通违法罚款（违法代码 1625）. */
  what: string
  /** Shown in 我的支付 and 办事记录 beside what was paid for; masked, never PII in clear (a fine's plate: 川A***45). */
  detail?: string
}

/** A paid order as its fulfiller sees it. */
export interface PaidOrder {
  orderId: string
  serviceId: string
  subject: PaymentSubject
  amountFen: number
}

/**
 * Tells the service's agency that its subject was paid and returns the
 * agency's receipt. Idempotent by order id at the agency, so calling it again
 * after a crash, a retried notify or a sweep never records the payment twice.
 * Throws FulfilmentRefused when the agency will never record it: the payment
 * is then refunded; any other failure is retried.
 */
export type Fulfiller = (paid: PaidOrder, log: FastifyBaseLogger) => Promise<{ receiptNo: string }>

/** One fulfiller per kind of subject, given when payments are built (from the service slices, server/slices.ts). */
export type Fulfillers = Readonly<Record<string, Fulfiller>>

export interface Payments {
  /**
   * 关闭订单: the citizen closes their own unpaid order, which can then no
   * longer be paid here (its record is cancelled). Asks the payment agency
   * first, so an order paid meanwhile is answered paid, not closed (409
   * PAYMENT_NOT_OPEN, as for any paid or refunded one). Idempotent: closing a
   * closed order answers it as it is.
   */
  close(row: PaymentRow, log: FastifyBaseLogger): Promise<PaymentRow>
  /** The open payment for the subject, created (with its prepay at the payment agency) if there is none. */
  open(req: PaymentRequest, log: FastifyBaseLogger): Promise<{ payment: PaymentT; created: boolean }>
  /** The payment as it is now: asks the payment agency about an unpaid order and finishes a paid one. */
  refresh(row: PaymentRow, log: FastifyBaseLogger): Promise<PaymentT>
  /** The signed notify arrived (already verified): mark paid and tell the service's agency. */
  paid(row: PaymentRow, notification: PaymentNotificationT, log: FastifyBaseLogger): Promise<void>
  view(row: PaymentRow): PaymentT
  /** The payment of the subject that is not closed, if any. */
  findOpen(serviceId: string, subject: PaymentSubject): Promise<PaymentRow | undefined>
  /**
   * The payment of the subject that is not closed in another service, if
   * any: for subjects that exist once across the platform (a violation is
   * paid once, whichever listing the citizen pays it through).
   */
  findOpenElsewhere(serviceId: string, subject: PaymentSubject): Promise<PaymentRow | undefined>
  /** The payment with this order id, if any. */
  find(orderId: string): Promise<PaymentRow | undefined>
  /** The citizen's own payment; 404 PAYMENT_NOT_FOUND for another's or none (order ids are not disclosed). */
  ofCitizen(citizenId: string, orderId: string): Promise<PaymentRow>
  /** Development only: the simulated wallet pays the order, which sends the real signed notify; answers the payment after. */
  simulatePay(row: PaymentRow, log: FastifyBaseLogger): Promise<PaymentT>
  /** The signing secret(s) of the platform's payment agency with this id (two during a rotation's overlap); 404 when the notify names another agency. */
  notifySecret(agencyId: string, log: FastifyBaseLogger): Promise<SigningKeys>
  /** A verified notify: records the payment once (422 when its amount differs from the order's) and fulfils it. */
  notified(n: PaymentNotificationT, log: FastifyBaseLogger): Promise<void>
  /**
   * Refunds a paid payment in full and records the refund in 办事记录.
   * Idempotent (one refund id per order at the agency), so a retry after a
   * timeout never refunds twice.
   */
  refund(row: PaymentRow, reason: string, log: FastifyBaseLogger): Promise<PaymentRow>
  /**
   * Finishes what a crash or a lost answer left half done (run on a timer):
   * a paid payment is fulfilled once its agency answers; an open one is
   * checked with the payment agency, so one paid meanwhile is fulfilled, one
   * closed there is closed here, and one the agency has no order for is
   * created there again while it can still be paid, else closed.
   */
  sweep(log: FastifyBaseLogger): Promise<void>
}

/** The citizens' payments through the platform's payment agency; a paid one is fulfilled by its subject kind's fulfiller. */
export function createPayments(deps: CitizenDeps, { fulfillers }: { fulfillers: Fulfillers }): Payments {
  const { db, config } = deps
  const timeoutMs = config.citizen.agencyTimeoutMs

  const view = (row: PaymentRow): PaymentT => ({
    orderId: row.order_id,
    serviceId: row.service_id,
    description: row.description,
    amountFen: Number(row.amount_fen),
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at ?? new Date(row.created_at).getTime() + PAYMENT_WINDOW_MS).toISOString(),
    ...(row.paid_at ? { paidAt: new Date(row.paid_at).toISOString() } : {}),
    ...(row.receipt_no ? { receiptNo: row.receipt_no } : {}),
    ...(row.refunded_at ? { refundedAt: new Date(row.refunded_at).toISOString() } : {}),
    ...(row.status === 'created' && row.prepay ? { payParams: row.prepay.payParams } : {}),
    simulatedCashier: config.citizen.paymentSimulator,
  })

  const reload = async (orderId: string) => (await findPayment(db, orderId))!

  /**
   * Asks the service's agency to record the payment; a failure leaves it
   * paid, to be finished by the next refresh, and a refusal for good refunds it.
   */
  async function finish(row: PaymentRow, log: FastifyBaseLogger): Promise<PaymentRow> {
    const subject = parseSubject(row.subject)
    const fulfil = fulfillers[subject.kind]
    if (!fulfil) {
      log.error({ orderId: row.order_id, kind: subject.kind }, 'paid, but no service fulfils this kind of payment')
      return row
    }
    try {
      const { receiptNo } = await fulfil({ orderId: row.order_id, serviceId: row.service_id, subject, amountFen: Number(row.amount_fen) }, log)
      if (await markDone(db, row.order_id, receiptNo)) await setRecordStatus(db, row.order_id, 'done')
    } catch (err) {
      if (err instanceof FulfilmentRefused) return refundRefused(row, err, log)
      log.warn({ orderId: row.order_id, code: (err as HttpError).code }, 'paid, but the agency has not confirmed yet; retried on the next refresh')
    }
    return reload(row.order_id)
  }

  /** The agency will never record the payment: its record fails and the citizen gets the money back (a failed refund is retried like a fulfilment). */
  async function refundRefused(row: PaymentRow, refused: FulfilmentRefused, log: FastifyBaseLogger): Promise<PaymentRow> {
    log.warn({ orderId: row.order_id, code: refused.code }, 'the agency refused a paid order for good: refunding it')
    await setRecordStatus(db, row.order_id, 'failed')
    try {
      return await refund(row, refused.reason, log)
    } catch (err) {
      log.warn({ orderId: row.order_id, code: (err as HttpError).code }, 'could not refund a refused payment yet; retried on the next refresh')
      return reload(row.order_id)
    }
  }

  async function paid(row: PaymentRow, n: PaymentNotificationT, log: FastifyBaseLogger): Promise<void> {
    if (await markPaid(db, row.order_id, n.transactionId, n.paidAt)) await setRecordStatus(db, row.order_id, 'paid')
    const now = await reload(row.order_id)
    // On every paid notify, not only the first: a crash after marking it paid leaves no case without its 消息 (one per case and state).
    if (now.paid_at) await notifyCaseChange(deps, { ref: row.order_id, state: 'paid' })
    if (now.status === 'paid') await finish(now, log)
  }

  async function refresh(row: PaymentRow, log: FastifyBaseLogger): Promise<PaymentT> {
    if (row.status === 'paid') return view(await finish(row, log))
    if (row.status !== 'created' || !row.prepay) return view(row)
    const agency = await platformAgencyFor(deps, 'payment@1', log)
    let order
    try {
      order = await agency.call('getOrder', { params: { orderId: row.order_id } })
    } catch (err) {
      if ((err as HttpError).code !== 'ORDER_NOT_FOUND') throw err
      return view(await reissue(row, log))
    }
    if (order.status === 'paid' && order.transactionId && order.paidAt) {
      // The notify was lost or is late: the order's own state is as good as a notify.
      await paid(row, { event: 'order.paid', orderId: order.orderId, transactionId: order.transactionId, amountFen: order.amountFen, paidAt: order.paidAt }, log)
    } else if (order.status === 'closed' && (await markClosed(db, row.order_id))) {
      await setRecordStatus(db, row.order_id, 'cancelled')
    }
    return view(await reload(row.order_id))
  }

  /** Creates the order at the payment agency (idempotent by order id there) and keeps its prepay. */
  async function createAtAgency(row: PaymentRow, log: FastifyBaseLogger): Promise<PrepayT> {
    const agency = await platformAgencyFor(deps, 'payment@1', log)
    const notifyUrl = `${deps.links.publicUrl()}/v1/payments/notify/${agency.target.agencyId}`
    return agency.call('createOrder', { body: { orderId: row.order_id, amountFen: Number(row.amount_fen), description: row.description, notifyUrl } })
  }

  /**
   * The payment agency has no order for an open payment (a crash before
   * createOrder, or the agency lost it): made again while the citizen could
   * still pay it, else closed with its record cancelled.
   */
  async function reissue(row: PaymentRow, log: FastifyBaseLogger): Promise<PaymentRow> {
    if (Date.now() - new Date(row.created_at).getTime() < PAYMENT_WINDOW_MS) {
      const prepay = await createAtAgency(row, log)
      return row.prepay ? replacePrepay(db, row.order_id, prepay) : setPrepay(db, row.order_id, prepay)
    }
    if (await markClosed(db, row.order_id)) await setRecordStatus(db, row.order_id, 'cancelled')
    return reload(row.order_id)
  }

  async function sweep(log: FastifyBaseLogger): Promise<void> {
    // Twice an agency call's timeout: a request still opening or finishing a payment is left to do it.
    for (const row of await needingReconciliation(db, 2 * timeoutMs)) {
      try {
        if (row.status === 'created' && !row.prepay) await reissue(row, log)
        else await refresh(row, log)
      } catch (err) {
        log.warn({ orderId: row.order_id, code: (err as HttpError).code }, 'could not reconcile a payment; retried on the next sweep')
      }
    }
  }

  async function open(req: PaymentRequest, log: FastifyBaseLogger) {
    // A kind nobody fulfils could be paid but never delivered: refuse it before anything is charged.
    if (!fulfillers[req.subject.kind]) throw new Error(`no fulfiller for payments of kind ${req.subject.kind}`)
    const agency = await platformAgencyFor(deps, 'payment@1', log)
    const orderId = `oc${Date.now().toString(36)}${randomBytes(9).toString('base64url')}`
    let { row, created } = await insertOrFindOpen(db, { ...req, subject: formatSubject(req.subject), orderId, payAgencyId: agency.target.agencyId }).catch(
      (err: unknown) => {
        throw err instanceof SubjectTaken
          ? new HttpError(409, 'ALREADY_PAID', 'This is being paid or was paid through another service / 该事项已在其他服务中发起缴款或已缴款，无需重复缴款，可在我的支付中查看')
          : err
      },
    )
    if (!created && row.citizen_id !== req.citizenId) {
      throw new HttpError(409, 'PAYMENT_IN_PROGRESS', 'Someone else is paying this already / 该笔缴款已由他人发起，请稍后刷新查看')
    }
    if (row.status === 'created' && row.prepay && Date.parse(row.prepay.expiresAt) <= Date.now()) {
      // Expired unpaid: confirm with the agency, then start afresh.
      const now = await refresh(row, log)
      if (now.status === 'closed') return open(req, log)
    }
    // Also for an open one found again: a crash between inserting a payment and its record left it without one (the record is one per ref).
    if (created || row.status === 'created') await addRecord(db, { citizenId: req.citizenId, serviceId: req.serviceId, what: req.what, status: 'pending', amountFen: req.amountFen, ref: row.order_id })
    // Every concurrent caller may get here for the same order: createOrder is idempotent by orderId.
    if (!row.prepay) row = await setPrepay(db, row.order_id, await createAtAgency(row, log))
    return { payment: view(row), created }
  }

  async function refund(row: PaymentRow, reason: string, log: FastifyBaseLogger): Promise<PaymentRow> {
    if (row.status === 'refunded') return row
    if (row.status !== 'paid' && row.status !== 'done') throw new Error(`refund of a ${row.status} payment ${row.order_id}`)
    const agency = await platformAgencyFor(deps, 'payment@1', log)
    const refundId = `${row.order_id}-r`
    const amountFen = Number(row.amount_fen)
    const result = await agency.call('refund', { params: { orderId: row.order_id }, body: { refundId, amountFen, reason } })
    if (await markRefunded(db, row.order_id, refundId, result.refundedAt)) {
      await addRecord(db, { citizenId: row.citizen_id, serviceId: row.service_id, what: `退款：${row.description}（${reason}）`, status: 'done', amountFen, ref: refundId })
    }
    await notifyCaseChange(deps, { ref: refundId, state: 'refunded' })
    return reload(row.order_id)
  }

  const findOpen = (serviceId: string, subject: PaymentSubject) => findOpenPayment(db, serviceId, formatSubject(subject))
  const findOpenElsewhere = (serviceId: string, subject: PaymentSubject) => findOpenPaymentElsewhere(db, serviceId, formatSubject(subject))

  async function ofCitizen(citizenId: string, orderId: string): Promise<PaymentRow> {
    const row = await findPayment(db, orderId)
    if (!row || row.citizen_id !== citizenId) throw new HttpError(404, 'PAYMENT_NOT_FOUND', 'No such payment / 未找到该笔支付')
    return row
  }

  async function simulatePay(row: PaymentRow, log: FastifyBaseLogger): Promise<PaymentT> {
    if (row.status === 'created') {
      const { target } = await platformAgencyFor(deps, 'payment@1', log)
      // Outside the contract: the simulated wallet's confirm button. The payment agency answers after it sent the notify.
      const answer = await callAgency(target.endpoint, target.secret, { method: 'POST', path: `/v1/orders/${row.order_id}/simulate-pay` }, { timeoutMs, network: deps.network })
      if (answer.status === 409) throw new HttpError(409, 'ORDER_CLOSED', 'The order expired unpaid / 订单已超时关闭，请重新发起缴款')
      if (answer.status !== 200) throw new HttpError(502, 'AGENCY_UNAVAILABLE', 'The payment service did not answer / 支付服务暂时不可用，请稍后重试')
    }
    return refresh(await reload(row.order_id), log)
  }

  async function notifySecret(agencyId: string, log: FastifyBaseLogger): Promise<SigningKeys> {
    const { target } = await platformAgencyFor(deps, 'payment@1', log)
    if (target.agencyId !== agencyId) throw new HttpError(404, 'NOT_FOUND', 'No such payment agency / 未找到该支付机构')
    return target.secret
  }

  async function notified(n: PaymentNotificationT, log: FastifyBaseLogger): Promise<void> {
    const row = await findPayment(db, n.orderId)
    if (!row) throw new HttpError(404, 'ORDER_NOT_FOUND', `No order ${n.orderId} / 未找到该订单`)
    if (Number(row.amount_fen) !== n.amountFen) {
      log.error({ orderId: n.orderId }, 'payment notify with another amount than the order; not recorded')
      throw new HttpError(422, 'AMOUNT_MISMATCH', 'The amount differs from the order / 金额与订单不符')
    }
    await paid(row, n, log)
  }

  async function close(row: PaymentRow, log: FastifyBaseLogger): Promise<PaymentRow> {
    if (row.status === 'created') {
      const now = await refresh(row, log)
      if (now.status === 'created' && (await markClosed(db, row.order_id))) await setRecordStatus(db, row.order_id, 'cancelled')
    }
    const after = await reload(row.order_id)
    if (after.status !== 'closed') throw new HttpError(409, 'PAYMENT_NOT_OPEN', 'The order is paid already / 该订单已支付，不能关闭；如需退款请在对应服务中办理')
    return after
  }

  const find = (orderId: string) => findPayment(db, orderId)
  return { open, close, refresh, paid, view, findOpen, findOpenElsewhere, find, ofCitizen, simulatePay, notifySecret, notified, refund, sweep }
}
