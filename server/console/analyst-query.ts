import { html, type SafeHtml } from './html'

/** A page's query string as Fastify parses it: a repeated name gives an array. */
export type RawQuery = Record<string, string | string[] | undefined>

/** One query parameter, trimmed; undefined when absent or empty (the first when repeated). */
export function param(query: RawQuery | undefined, name: string): string | undefined {
  const value = query?.[name]
  const text = (Array.isArray(value) ? value[0] : value)?.trim()
  return text ? text : undefined
}

/** One of the allowed values, else the default: a hand-edited URL gets the default, not an error. */
export function choice<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback
}

/**
 * The months the analyst picked. Only what they picked is sent on: without
 * from/to the API chooses the period (the last 12 complete months), and it,
 * not the console, says what is wrong with a bad month or a from after to.
 */
export interface Period {
  from?: string
  to?: string
}

export function periodOf(query: RawQuery | undefined): Period {
  const from = param(query, 'from')
  const to = param(query, 'to')
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) }
}

type Params = Record<string, string | number | undefined | null>

/** `?a=1&b=2` of the parameters that have a value, URL-encoded; '' when none has. */
export function queryString(params: Params): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.append(name, String(value))
  const text = search.toString()
  return text ? `?${text}` : ''
}

/** A statistics API URL: `/v1/stats/<path>?…`. */
export const statsUrl = (path: string, params: Params = {}): string => `/v1/stats/${path}${queryString(params)}`

/** Hidden fields that carry a page's other choices through a GET form. */
export function hiddenFields(params: Params): SafeHtml {
  return html`${Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${String(value)}">`)}`
}

/**
 * The period picker: a GET form with the two months (type=month, which
 * browsers without a month picker show as text, hence the pattern), keeping
 * the page's other choices, with the page's own fields (`extra`, whose
 * values `extraValues` the link back to the default period keeps) first.
 * Shows what the analyst picked, else the period the answer covered.
 */
export function periodForm(o: { action: string; picked: Period; shown: Partial<Period>; keep?: Params; extra?: SafeHtml; extraValues?: Params }): SafeHtml {
  const keep = o.keep ?? {}
  const month = (name: 'from' | 'to', text: string) =>
    html`<label>${text} <input type="month" name="${name}" value="${o.picked[name] ?? o.shown[name] ?? ''}" pattern="[0-9]{4}-[0-9]{2}" placeholder="YYYY-MM"></label>`
  return html`<form method="get" action="${o.action}" class="period no-print">
${o.extra ?? ''}
<fieldset><legend>统计期（月份，含首尾）</legend>
${month('from', '起始月份')}
${month('to', '结束月份')}
<a href="${o.action}${queryString({ ...o.extraValues, ...keep })}">恢复为最近 12 个完整月份</a>
</fieldset>
${hiddenFields(keep)}
<div class="actions"><button type="submit">查看</button></div>
</form>`
}
