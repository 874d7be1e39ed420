import Taro from '@tarojs/taro'
import type { SubscriptionChoicesT, SubscriptionTemplateT, TemplateKind } from '../api/messages'
import { getSubscriptions, recordSubscriptions } from './messages-api'

/** The most template ids one requestSubscribeMessage call may carry. */
export const MAX_TEMPLATES_PER_REQUEST = 5

// Fetched ahead (when a page that asks opens): WeChat shows its dialog only inside the tap itself, not after an await.
let offer: SubscriptionTemplateT[] = []

const inWechat = () => process.env.TARO_ENV === 'weapp'

/** Loads the templates and the citizen's choices ahead of a tap (mini-program only; H5 has the inbox only). */
export async function prefetchSubscriptions(): Promise<SubscriptionTemplateT[]> {
  if (!inWechat()) return []
  try {
    offer = (await getSubscriptions()).templates
  } catch {
    // Without the list nothing is asked: the 消息 inbox still tells the citizen.
  }
  return offer
}

/** The templates known now (for 消息's switch). */
export function subscriptionOffer(): readonly SubscriptionTemplateT[] {
  return offer
}

/** Tells the platform what the citizen chose, with a fresh wx.login code (the openid is WeChat's answer to it, never the app's word). */
async function report(answer: Record<string, unknown>, asked: SubscriptionTemplateT[]): Promise<void> {
  const choices: SubscriptionChoicesT['choices'] = []
  for (const t of asked) {
    const a = answer[t.templateId]
    // 'filter' (WeChat hid the template) and anything else: no answer to record.
    if (a === 'accept') choices.push({ templateId: t.templateId, choice: 'accept' })
    if (a === 'reject' || a === 'ban') choices.push({ templateId: t.templateId, choice: 'reject' })
  }
  if (choices.length === 0) return
  try {
    const { code } = await Taro.login()
    offer = (await recordSubscriptions({ code, choices })).templates
  } catch {
    // Not recorded: the platform sends nothing it was not told of, and asks again at the next tap.
  }
}

/**
 * Asks WeChat's subscription dialog (requestSubscribeMessage) for the kinds of
 * message a tap is about to cause, e.g. 确认支付 → payment. Call it ONLY
 * from a tap handler named `on…Tap`, first, before anything awaits: WeChat
 * refuses it outside a tap, and the citizen is never asked unprompted
 * (tests/unit/pages/subscription-taps.test.ts checks every call site).
 * Templates the citizen refused are not asked for again unless `again` (the
 * switch in 消息, the citizen's explicit choice). No-op in H5.
 */
export function askForSubscriptionsOnTap(kinds: readonly TemplateKind[], again = false): void {
  if (!inWechat()) return
  const asked = offer.filter((t) => kinds.includes(t.kind) && (again || t.choice !== 'reject')).slice(0, MAX_TEMPLATES_PER_REQUEST)
  if (asked.length === 0) return
  Taro.requestSubscribeMessage({
    tmplIds: asked.map((t) => t.templateId),
    entityIds: [],
    success: (answer) => void report(answer as Record<string, unknown>, asked),
    fail: () => undefined,
  })
}
