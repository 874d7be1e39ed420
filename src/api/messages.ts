import { type Static, Type } from 'typebox'
import { TEMPLATE_KINDS, type TemplateKind } from '../domain/subscription-templates'
import { DateTime, literals, strict } from './common'

/** 消息 (`/v1/me/messages`, `/v1/me/subscriptions`): notifications of case changes and WeChat subscription choices. */

/** The changes of a case that send a message (one each, never two). */
export const CASE_STATES = ['paid', 'booked', 'reminder', 'withdrawal-decided', 'refunded', 'rating-answered'] as const
export type CaseState = (typeof CASE_STATES)[number]

export { TEMPLATE_KINDS, type TemplateKind }

/** Which template tells the citizen of each change. */
export const TEMPLATE_OF_STATE: Readonly<Record<CaseState, TemplateKind>> = {
  paid: 'payment',
  refunded: 'payment',
  booked: 'booking',
  reminder: 'visit',
  'withdrawal-decided': 'application',
  'rating-answered': 'rating',
}

const Uuid = (o: Record<string, unknown> = {}) => Type.String({ pattern: '^[0-9a-f-]{36}$', ...o })

export const MessageSchema = Type.Object(
  {
    id: Uuid(),
    recordId: Uuid({ description: 'the 办事记录 item (case) the message is about' }),
    serviceId: Type.String(),
    serviceName: Type.String(),
    state: literals(CASE_STATES),
    title: Type.String({ examples: ['缴费成功'] }),
    body: Type.String(),
    read: Type.Boolean(),
    createdAt: DateTime(),
  },
  { ...strict, $id: 'Message' },
)
export const MessageList = Type.Object({ messages: Type.Array(Type.Ref('Message')), unread: Type.Integer({ minimum: 0 }) }, strict)
export const UnreadCount = Type.Object({ unread: Type.Integer({ minimum: 0 }) }, strict)
export const MarkRead = Type.Object(
  {
    ids: Type.Optional(Type.Array(Uuid(), { minItems: 1, maxItems: 100, description: 'these messages; without ids, all of the citizen’s' })),
  },
  strict,
)

export const SUBSCRIPTION_CHOICES = ['accept', 'reject'] as const
export const SubscriptionTemplate = Type.Object(
  {
    kind: literals(TEMPLATE_KINDS),
    templateId: Type.String(),
    /** none: never asked; accept: sends while quota lasts; reject: the citizen refused (or WeChat answered 43101): not asked again from a payment or booking. */
    choice: literals(['none', 'accept', 'reject'] as const),
    quota: Type.Integer({ minimum: 0, description: 'messages the accepted subscriptions still allow' }),
  },
  strict,
)
export const Subscriptions = Type.Object(
  { templates: Type.Array(SubscriptionTemplate, { maxItems: 5, description: 'empty when subscription messages are off (H5, or not configured)' }) },
  strict,
)
export const SubscriptionChoices = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 128, description: 'a fresh wx.login code: the openid a message goes to is taken from it, never from the app' }),
    choices: Type.Array(
      Type.Object({ templateId: Type.String({ minLength: 1, maxLength: 128 }), choice: literals(SUBSCRIPTION_CHOICES) }, strict),
      { minItems: 1, maxItems: 5 },
    ),
  },
  strict,
)

export type MessageT = Static<typeof MessageSchema>
/** MessageList with its referenced Message resolved. */
export type MessageListT = { messages: MessageT[]; unread: number }
export type SubscriptionTemplateT = Static<typeof SubscriptionTemplate>
export type SubscriptionsT = Static<typeof Subscriptions>
export type SubscriptionChoicesT = Static<typeof SubscriptionChoices>
