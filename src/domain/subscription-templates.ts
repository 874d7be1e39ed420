/**
 * The WeChat subscription templates (一次性订阅消息), one per kind of change;
 * five, the most one requestSubscribeMessage call may ask for. Here, not in
 * src/api, so the app's pages use them without the schema library.
 */
export const TEMPLATE_KINDS = ['payment', 'booking', 'visit', 'application', 'rating'] as const
export type TemplateKind = (typeof TEMPLATE_KINDS)[number]
