import type { Indicator } from '../../src/domain/smart-index'
import { html, type SafeHtml } from './html'

/**
 * How the analyst pages write the statistics API's numbers. The API gives
 * rates and shares as 0–1, the index and its concentration already in
 * percent of the national total, and null where a figure is withheld.
 */

/** A count (MAU is a mean over months, so it may have a fraction): whole, with thousands separators. */
export const countText = (n: number): string => Math.round(n).toLocaleString('en-US')

/** A 0–1 rate or share as a percentage: 0.1351 → "13.51%". */
export const percentText = (rate: number, digits = 2): string => `${(rate * 100).toFixed(digits)}%`

/** A figure that is already in percent (the index, its concentration): 13.51 → "13.51%". */
export const pointsText = (points: number, digits = 2): string => `${points.toFixed(digits)}%`

/** The index as the 2016 report prints it: four decimals. */
export const indexText = (index: number): string => index.toFixed(4)

/** A ratio such as local / national users per service: 2.36 → "2.36 倍". */
export const timesText = (ratio: number): string => `${ratio.toFixed(2)} 倍`

/** A withheld figure: the word, never a 0, and why on hover (the same reason is written out under each table). */
export function suppressedView(k: number): SafeHtml {
  return html`<span class="suppressed" title="少于 ${k} 人的数字、以及分母少于 ${k} 的比率不公布（小样本保护，k = ${k}）">已抑制</span>`
}

/**
 * A statistic as shown in a table: formatted when published; when null,
 * 已抑制 (suppressed) unless the API says it simply has no data.
 * `suppressed` undefined: the API's null means either (03-index.md).
 */
export function statView(value: number | null, format: (n: number) => string, k: number, suppressed?: boolean): SafeHtml | string {
  if (value !== null) return format(value)
  return suppressed === false ? '无数据' : suppressedView(k)
}

/** The period an answer covers, in words. */
export function periodText(p: { from: string; to: string; months: readonly string[] }): string {
  return `${p.from} 至 ${p.to}（${p.months.length} 个月）`
}

/** The note every page with suppressed figures carries under its tables. */
export function suppressionNote(k: number): SafeHtml {
  return html`<p class="hint">「已抑制」：少于 ${k} 人的数字，以及分母少于 ${k} 的比率，不公布也不按 0 计入显示（小样本保护，k = ${k}）。</p>`
}

/** Each indicator's raw value as people read it (03-index.md: richness is items available / 21). */
export const INDICATOR_FORMATS: Record<Indicator, (n: number) => string> = {
  value: countText,
  stars: (n) => n.toFixed(2),
  mau: countText,
  returnRate: (n) => percentText(n, 1),
  failureRate: (n) => percentText(n, 2),
  richness: (n) => percentText(n, 1),
}

/** A plausibility flag as the API sends it (src/api/stats.ts). */
export interface FlagLike {
  month: string
  reason: string
}

/** A rate withheld as implausible: the words, and the reason on hover (it is also written out under the table). */
export function flaggedView(flags: readonly FlagLike[]): SafeHtml {
  return html`<span class="flagged" title="${flags.map((f) => `${f.month}：${f.reason}`).join('\n')}">存疑，不公布</span>`
}

/** The reasons of every flagged month, under a table or figure; nothing when none is flagged. */
export function flagsNote(flags: readonly FlagLike[], what = ''): SafeHtml | '' {
  if (flags.length === 0) return ''
  return html`<div class="notice flags" role="note"><p>${what}以下月份的回流率存疑，未公布也未计入均值：</p><ul>${flags.map((f) => html`<li>${f.month}：${f.reason.split(' / ')[0]}</li>`)}</ul></div>`
}
