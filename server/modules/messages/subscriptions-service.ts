import type { FastifyBaseLogger } from 'fastify'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { openidOfCitizen } from '../citizens/wechat-openid'
import { HttpError } from '../../errors'
import { type CaseState, type SubscriptionChoicesT, type SubscriptionsT, TEMPLATE_KINDS, TEMPLATE_OF_STATE } from '../../../src/api/messages'
import { statusWordOf } from './messages-service'
import { templateData } from './subscribe-templates'
import {
  claimPending,
  findRecipient,
  listChoices,
  markRefused,
  recordChoice,
  saveRecipient,
  setSendOutcome,
  takeQuota,
} from './subscriptions-repository'
import type { SubscribeClient } from './wechat-subscribe-client'

/** Where a subscription message opens the mini-program: 消息. */
export const MESSAGES_PAGE_PATH = 'packages/account/pages/messages/index'

/**
 * The configured templates with the citizen's choice for each: the app asks
 * (from a tap) only for those not refused; empty when subscription messages
 * are off.
 */
export async function mySubscriptions(deps: Pick<CitizenDeps, 'db' | 'config'>, citizenId: string): Promise<SubscriptionsT> {
  const configured = deps.config.wechat.subscribeTemplates
  const choices = new Map((await listChoices(deps.db, citizenId)).map((c) => [c.template_id, c]))
  return {
    templates: TEMPLATE_KINDS.flatMap((kind) => {
      const templateId = configured[kind]
      if (!templateId) return []
      const c = choices.get(templateId)
      return [{ kind, templateId, choice: c?.choice ?? ('none' as const), quota: c?.quota ?? 0 }]
    }),
  }
}

/**
 * Records what the citizen answered in WeChat's subscription dialog. An
 * accept needs the citizen's openid (from the fresh wx.login code, checked
 * to be the session's WeChat user), kept sealed for sending.
 */
export async function recordSubscriptionChoices(deps: CitizenDeps, citizenId: string, body: SubscriptionChoicesT): Promise<SubscriptionsT> {
  const known = new Set(Object.values(deps.config.wechat.subscribeTemplates))
  const unknown = body.choices.filter((c) => !known.has(c.templateId))
  if (unknown.length > 0) throw new HttpError(422, 'UNKNOWN_TEMPLATE', 'Not a subscription template of this platform / 不是本平台的订阅消息模板')
  if (body.choices.some((c) => c.choice === 'accept')) {
    const openid = await openidOfCitizen(deps, citizenId, body.code)
    await saveRecipient(deps.db, citizenId, deps.box.seal(openid))
  }
  for (const c of body.choices) await recordChoice(deps.db, citizenId, c.templateId, c.choice)
  return mySubscriptions(deps, citizenId)
}

/**
 * Sends the pending subscription messages once across processes (each
 * claimed by one process, never again): to a citizen with an openid on file
 * and quota left for the template; WeChat's 43101 stops sending (and the
 * app's asking) for that template until the citizen accepts again. Answers
 * how many were sent.
 */
export async function deliverSubscriptionMessages(deps: Pick<CitizenDeps, 'db' | 'box' | 'config'>, client: SubscribeClient, log: FastifyBaseLogger, batch = 20): Promise<number> {
  let sent = 0
  for (const m of await claimPending(deps.db, batch)) {
    const templateId = deps.config.wechat.subscribeTemplates[TEMPLATE_OF_STATE[m.state as CaseState]]
    const sealed = templateId ? await findRecipient(deps.db, m.citizen_id) : undefined
    if (!templateId || !sealed || !(await takeQuota(deps.db, m.citizen_id, templateId))) {
      await setSendOutcome(deps.db, m.id, 'skipped')
      continue
    }
    const result = await client.send({
      touser: deps.box.open(sealed),
      template_id: templateId,
      page: MESSAGES_PAGE_PATH,
      data: templateData(m.what, statusWordOf(m.state as CaseState), new Date(m.created_at)),
    })
    if (result.outcome === 'refused') await markRefused(deps.db, m.citizen_id, templateId)
    if (result.outcome === 'failed') log.warn({ message: m.id, note: result.note }, 'subscription message not sent; not retried (it may not be sent twice)')
    await setSendOutcome(deps.db, m.id, result.outcome)
    if (result.outcome === 'sent') sent++
  }
  return sent
}
