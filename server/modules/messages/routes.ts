import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorBody } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { citizenOf, requireCitizen } from '../citizens/citizen-session'
import { MarkRead, MessageList, SubscriptionChoices, Subscriptions, UnreadCount } from '../../../src/api/messages'
import { myMessages, readMessages, unreadCount } from './messages-service'
import { mySubscriptions, recordSubscriptionChoices } from './subscriptions-service'

const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody }

/** 消息: the citizen's notifications of case changes, the unread badge, and the WeChat subscription choices. */
export const messageRoutes: FastifyPluginAsyncTypebox<CitizenDeps> = async (app, deps) => {
  app.addHook('onRequest', requireCitizen(deps.db))

  app.get(
    '/v1/me/messages',
    { schema: { tags: ['citizen'], summary: '消息: notifications of the citizen’s case changes, newest first, with the unread count', security, response: { 200: MessageList, ...errors } } },
    async (req) => myMessages(deps.db, citizenOf(req)),
  )

  app.get(
    '/v1/me/messages/unread-count',
    { schema: { tags: ['citizen'], summary: 'The unread badge of 我的', security, response: { 200: UnreadCount, ...errors } } },
    async (req) => unreadCount(deps.db, citizenOf(req)),
  )

  app.post(
    '/v1/me/messages/read',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Marks messages read (the given ids, or all of the citizen’s); answers the unread count after',
        security,
        body: MarkRead,
        response: { 200: UnreadCount, ...errors },
      },
    },
    async (req) => readMessages(deps.db, citizenOf(req), req.body.ids),
  )

  app.get(
    '/v1/me/subscriptions',
    {
      schema: {
        tags: ['citizen'],
        summary: 'WeChat subscription templates (at most 5, one requestSubscribeMessage call) with the citizen’s choice for each; empty when off',
        security,
        response: { 200: Subscriptions, ...errors },
      },
    },
    async (req) => mySubscriptions(deps, citizenOf(req)),
  )

  app.post(
    '/v1/me/subscriptions',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Records what the citizen chose in WeChat’s subscription dialog (requestSubscribeMessage, asked from a tap), with a fresh wx.login code',
        security,
        body: SubscriptionChoices,
        response: { 200: Subscriptions, ...errors, 403: ErrorBody, 422: ErrorBody, 502: ErrorBody, 503: ErrorBody },
      },
    },
    async (req) => recordSubscriptionChoices(deps, citizenOf(req), req.body),
  )
}
