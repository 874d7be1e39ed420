import type { MessageListT, SubscriptionChoicesT, SubscriptionsT } from '../api/messages'
import { authedRequest } from './session'

/** GET /v1/me/messages: 消息, newest first, with the unread count. */
export function listMessages(): Promise<MessageListT> {
  return authedRequest<MessageListT>('/v1/me/messages')
}

/** GET /v1/me/messages/unread-count: the badge of 我的. */
export async function getUnreadCount(): Promise<number> {
  return (await authedRequest<{ unread: number }>('/v1/me/messages/unread-count')).unread
}

/** POST /v1/me/messages/read: these messages (or all) read; resolves with the unread count after. */
export async function markMessagesRead(ids?: string[]): Promise<number> {
  return (await authedRequest<{ unread: number }>('/v1/me/messages/read', { method: 'POST', data: ids ? { ids } : {} })).unread
}

/** GET /v1/me/subscriptions: the WeChat subscription templates with the citizen's choice for each. */
export function getSubscriptions(): Promise<SubscriptionsT> {
  return authedRequest<SubscriptionsT>('/v1/me/subscriptions')
}

/** POST /v1/me/subscriptions: what the citizen chose in WeChat's dialog, with a fresh wx.login code. */
export function recordSubscriptions(body: SubscriptionChoicesT): Promise<SubscriptionsT> {
  return authedRequest<SubscriptionsT>('/v1/me/subscriptions', { method: 'POST', data: body })
}
