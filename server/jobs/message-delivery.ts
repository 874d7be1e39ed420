import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/db'
import type { CitizenDeps } from '../modules/citizens/citizen-deps'
import { deliverSubscriptionMessages } from '../modules/messages/subscriptions-service'
import { createSubscribeClient } from '../modules/messages/wechat-subscribe-client'
import { type Job, runEvery } from './run-every'

/**
 * Sends the WeChat subscription messages of new 消息 every few seconds. Each
 * message is claimed by one process (FOR UPDATE SKIP LOCKED) and sent at most
 * once; nothing runs while no template is configured.
 */
export function startMessageDelivery(deps: CitizenDeps, log: FastifyBaseLogger, db: Db, intervalMs = 5_000): Job | undefined {
  if (Object.keys(deps.config.wechat.subscribeTemplates).length === 0) return undefined
  const client = createSubscribeClient(() => {
    const base = deps.links.wechatBase()
    const { appId, appSecret } = deps.config.wechat
    return base ? { appId, appSecret, base, timeoutMs: deps.config.citizen.agencyTimeoutMs } : undefined
  })
  return runEvery({ name: 'message delivery', intervalMs, log, db }, () => deliverSubscriptionMessages(deps, client, log))
}
