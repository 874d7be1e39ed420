import type { Domain } from './catalog'

/**
 * The 21 key-industry items in 5 industries (重点行业丰富度, 02-services.md).
 * Each industry's id is the catalog domain whose services may provide its items.
 */
export const KEY_INDUSTRIES = {
  traffic: { label: '交管', items: ['机动车违法查询', '交通违法缴款', '驾驶人记分查询', '随手拍举报', '事故快撤快赔'] },
  vehicle: { label: '车管', items: ['机动车检验预约', '驾驶证换证', '车辆信息查询', '机动车选号'] },
  'housing-fund': { label: '公积金', items: ['账户查询', '缴存明细', '提取申请', '贷款查询与试算'] },
  'social-security': { label: '社保', items: ['参保信息查询', '缴费记录查询', '医保余额查询', '电子社保卡'] },
  medical: { label: '医疗', items: ['预约挂号', '门诊缴费', '检查报告查询', '就诊卡办理'] },
} as const satisfies Partial<Record<Domain, { label: string; items: readonly string[] }>>

export type KeyIndustry = keyof typeof KEY_INDUSTRIES
export type KeyItem = (typeof KEY_INDUSTRIES)[KeyIndustry]['items'][number]

export const KEY_INDUSTRY_IDS = Object.keys(KEY_INDUSTRIES) as KeyIndustry[]

/** All 21 key-industry item names, industry by industry in table order. */
export const KEY_ITEMS: readonly KeyItem[] = KEY_INDUSTRY_IDS.flatMap((id) => KEY_INDUSTRIES[id].items)

/** True when the name is one of the 21 key-industry items. */
export function isKeyItem(name: string): name is KeyItem {
  return (KEY_ITEMS as readonly string[]).includes(name)
}

/** The industry a key item belongs to, or undefined for a name not on the list. */
export function industryOfKeyItem(name: string): KeyIndustry | undefined {
  return KEY_INDUSTRY_IDS.find((id) => (KEY_INDUSTRIES[id].items as readonly string[]).includes(name))
}
