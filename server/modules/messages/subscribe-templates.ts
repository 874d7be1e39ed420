import { TEMPLATE_KINDS, type TemplateKind } from '../../../src/api/messages'

/** Template id per kind of change; a kind without one sends no subscription message. Empty: subscription messages off. */
export type SubscribeTemplates = Partial<Record<TemplateKind, string>>

/**
 * The keywords every template must have, as the WeChat admin console names
 * them (docs/messages.md): 事项 thing1 (≤ 20 characters), 状态 phrase2 (≤ 5
 * Chinese characters), 时间 time3. One shape for all five keeps one data builder.
 */
export const TEMPLATE_KEYWORDS = ['thing1', 'phrase2', 'time3'] as const

/** The ids the simulated WeChat knows (development): refused in production, where WeChat would answer 40037. */
export const DEV_TEMPLATES: Readonly<Record<TemplateKind, string>> = {
  payment: 'onecity-dev-payment-result',
  booking: 'onecity-dev-booking-result',
  visit: 'onecity-dev-visit-reminder',
  application: 'onecity-dev-application-result',
  rating: 'onecity-dev-rating-answer',
}

/**
 * Reads WECHAT_SUBSCRIBE_TEMPLATES (`payment=<id>,booking=<id>,…`, or `off`).
 * Development defaults to the simulated WeChat's templates; production to
 * none (the inbox only), and it refuses the development ids.
 */
export function readSubscribeTemplates(text: string | undefined, production: boolean, problems: string[]): SubscribeTemplates {
  if (text === undefined) return production ? {} : { ...DEV_TEMPLATES }
  if (text === 'off') return {}
  const templates: SubscribeTemplates = {}
  for (const pair of text.split(',')) {
    const [kind, id] = pair.split('=').map((s) => s.trim())
    if (!TEMPLATE_KINDS.includes(kind as TemplateKind) || !id || !/^[A-Za-z0-9_-]{1,128}$/.test(id)) {
      problems.push(`WECHAT_SUBSCRIBE_TEMPLATES must be "off" or kind=templateId pairs (kinds: ${TEMPLATE_KINDS.join(', ')}), got "${pair}"`)
      continue
    }
    templates[kind as TemplateKind] = id
  }
  if (production && Object.values(templates).some((id) => Object.values(DEV_TEMPLATES).includes(id))) {
    problems.push('WECHAT_SUBSCRIBE_TEMPLATES cannot use the simulated WeChat’s template ids in production (register templates in the WeChat admin console)')
  }
  return templates
}

/** Cuts `text` to WeChat's keyword limit, marking the cut. */
const fit = (text: string, max: number) => ([...text].length <= max ? text : [...text].slice(0, max - 1).join('') + '…')

/** A China-time `YYYY-MM-DD HH:mm`, the form WeChat's time keyword takes. */
function chinaMinute(at: Date): string {
  const t = new Date(at.getTime() + 8 * 3_600_000).toISOString()
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`
}

/** The `data` of a subscription message: what the case is, its new state in a word, and when. */
export function templateData(what: string, status: string, at: Date): Record<(typeof TEMPLATE_KEYWORDS)[number], { value: string }> {
  return { thing1: { value: fit(what, 20) }, phrase2: { value: fit(status, 5) }, time3: { value: chinaMinute(at) } }
}

/** The configured templates as the simulated WeChat's admin console holds them (development). */
export function simulatedTemplates(config: { wechat: { subscribeTemplates: SubscribeTemplates } }): { id: string; keywords: readonly string[] }[] {
  return Object.values(config.wechat.subscribeTemplates).map((id) => ({ id, keywords: TEMPLATE_KEYWORDS }))
}
