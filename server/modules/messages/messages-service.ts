import { formatYuan } from '../../../src/domain/money'
import type { Config } from '../../config'
import type { Queryable } from '../../db/db'
import { type CaseState, type MessageListT, TEMPLATE_OF_STATE } from '../../../src/api/messages'
import { type CaseRow, caseMessageCounts, countUnread, findCases, insertMessage, listMessages, markRead } from './messages-repository'

/** What sending a message needs: the database, and whether a subscription template exists for the change. */
export interface NotifyDeps {
  db: Queryable
  config: Pick<Config, 'wechat'>
}

/** A change of a case: the record (by id, or every record of a payment or booking ref) and its new state. */
export type CaseChange = ({ recordId: string } | { ref: string }) & {
  state: CaseState
  /** A sentence replacing the default body (no PII: it is stored and shown as it is). */
  note?: string
}

const amountOf = (c: CaseRow) => (c.amount_fen === null ? '' : formatYuan(Number(c.amount_fen)))

/** Title, body and the state in a word (WeChat's phrase keyword, ≤ 5 characters) of each change. */
const TEXTS: Readonly<Record<CaseState, { title: string; status: string; body: (c: CaseRow) => string }>> = {
  paid: { title: '缴费成功', status: '已支付', body: (c) => `${c.what}，已支付 ${amountOf(c)}。` },
  booked: { title: '预约成功', status: '预约成功', body: (c) => `${c.what}，预约成功，请按时就诊。` },
  reminder: { title: '就诊提醒', status: '明日就诊', body: (c) => `明天就诊：${c.what}。请按预约时间到院，携带就诊卡或身份证件。` },
  'withdrawal-decided': { title: '提取申请已审批', status: '已办结', body: (c) => `${c.what}已审批通过，资金将转入您登记的银行卡。` },
  refunded: { title: '退款成功', status: '已退款', body: (c) => `${c.what}，${amountOf(c)}已原路退回。` },
  'rating-answered': { title: '评价已回复', status: '已回复', body: (c) => `您对“${c.what}”的评价已收到办理部门的回复，请在办事记录中查看。` },
}

/** The words of a change in WeChat's status keyword. */
export const statusWordOf = (state: CaseState) => TEXTS[state].status

/**
 * Tells the citizen of a change of their case: one 消息 per case and state,
 * whatever calls it again (a redelivered payment notify, a retried job, a
 * second server process): the unique (record, state) key decides, not the
 * caller. Marks a WeChat subscription message to send when a template exists
 * for the change; the delivery job sends it (at most once). Answers how many
 * messages are new. Other modules call it when a case changes (payments,
 * bookings, withdrawals, and the ratings module when an agency answers).
 */
export async function notifyCaseChange(deps: NotifyDeps, change: CaseChange): Promise<number> {
  const cases = await findCases(deps.db, 'recordId' in change ? { recordId: change.recordId } : { ref: change.ref })
  const text = TEXTS[change.state]
  const wechat = Boolean(deps.config.wechat.subscribeTemplates[TEMPLATE_OF_STATE[change.state]])
  let added = 0
  for (const c of cases) {
    const body = change.note ?? text.body(c)
    if (await insertMessage(deps.db, { citizenId: c.citizen_id, recordId: c.id, state: change.state, title: text.title, body, wechat })) added++
  }
  return added
}

/** 消息: the citizen's messages, newest first, with the unread count. */
export async function myMessages(db: Queryable, citizenId: string): Promise<MessageListT> {
  const [messages, unread] = await Promise.all([listMessages(db, citizenId), countUnread(db, citizenId)])
  return { messages, unread }
}

/** The unread badge of 我的. */
export async function unreadCount(db: Queryable, citizenId: string): Promise<{ unread: number }> {
  return { unread: await countUnread(db, citizenId) }
}

/** Marks the citizen's messages read (these, or all); answers the unread count after. */
export async function readMessages(db: Queryable, citizenId: string, ids?: readonly string[]): Promise<{ unread: number }> {
  await markRead(db, citizenId, ids)
  return unreadCount(db, citizenId)
}

/** Check 17 (notify) from data: the service's cases that changed in the last `days` days and how many produced a message. */
export function caseMessages(db: Queryable, serviceId: string, days = 90): Promise<{ changed: number; notified: number }> {
  return caseMessageCounts(db, serviceId, days)
}
