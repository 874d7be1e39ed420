import type { FastifyPluginAsync } from 'fastify'
import { type RawQuery, choice, param, statsUrl } from './analyst-query'
import { apiErrorView } from './api-error-view'
import { sendPage } from './send-page'
import { statusPage } from './status-page'

interface CsvExport {
  /** The statistics endpoint (GET /v1/stats/<api>). */
  api: string
  /** The page parameters passed on to it; no others reach the API. */
  params: readonly string[]
  fixed?: Record<string, string>
  /** The file name's subject: onecity-<subject>-<from>-<to>.csv */
  subject: (query: RawQuery) => string
}

const period = ['from', 'to'] as const
const index: CsvExport = { api: 'index', params: [...period, 'level', 'weights'], subject: (q) => `index-${choice(param(q, 'level'), ['city', 'province'], 'city')}` }

/** The tables the console offers as CSV, by the name in the link; nothing else can be fetched through it. */
const EXPORTS: Record<string, CsvExport> = {
  ranking: index,
  index,
  activity: { api: 'activity', params: period, fixed: { scope: 'all' }, subject: () => 'activity' },
  domains: { api: 'domains', params: period, subject: () => 'domains' },
  types: { api: 'types', params: period, subject: () => 'types' },
  'local-national': { api: 'local-national', params: period, subject: () => 'local-national' },
  'top-cities': { api: 'top-cities', params: [...period, 'n', 'domain'], subject: (q) => `top-cities${/^[a-z-]{2,32}$/.test(param(q, 'domain') ?? '') ? `-${param(q, 'domain')}` : ''}` },
  trends: { api: 'trends', params: period, subject: () => 'trends' },
  leapfrog: { api: 'leapfrog', params: [...period, 'ranking', 'minLead', 'weights'], subject: () => 'leapfrog' },
}

/** The download's file name; only well-formed months reach the header, so nothing typed can break out of it. */
export function csvFileName(what: string, query: RawQuery): string | undefined {
  const spec = Object.hasOwn(EXPORTS, what) ? EXPORTS[what]! : undefined
  if (!spec) return undefined
  const months = period.map((p) => param(query, p)).filter((m): m is string => /^\d{4}-\d{2}$/.test(m ?? ''))
  return `onecity-${[spec.subject(query), ...(months.length === 2 ? months : ['latest'])].join('-')}.csv`
}

/**
 * GET /console/analyst/<what>.csv: the API's CSV of one table (format=csv)
 * with the analyst's token, sent as a download. The links carry the period
 * the page showed, so the file holds what was on screen.
 */
export const analystCsvRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { what: string }; Querystring: RawQuery }>('/analyst/:what.csv', { schema: { hide: true } }, async (request, reply) => {
    const user = request.consoleUser!
    const { what } = request.params
    const fileName = csvFileName(what, request.query)
    if (!fileName) return sendPage(reply, statusPage({ title: '找不到此表格', text: '没有可以下载的这张表格。', user }), 404)
    const spec = EXPORTS[what]!
    const params = Object.fromEntries(spec.params.map((p) => [p, param(request.query, p)]))
    const result = await user.api<string>('GET', statsUrl(spec.api, { ...params, ...spec.fixed, format: 'csv' }))
    if (!result.ok) return sendPage(reply, statusPage({ title: '无法下载', text: '统计接口没有返回这张表格。', user, body: apiErrorView(result.error) }), result.status)
    // An endpoint that ignored format=csv answers JSON: not a file to hand out as CSV.
    if (typeof result.data !== 'string') return sendPage(reply, statusPage({ title: '无法下载', text: '统计接口没有以 CSV 返回这张表格。', user }), 502)
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(result.data)
  })
}
