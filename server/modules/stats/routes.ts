import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { toCsv } from '../../../src/domain/csv'
import { parseExpertScores } from '../../../src/domain/expert-scores'
import { parseExternalRanking } from '../../../src/domain/external-ranking'
import { findLeapfrogs } from '../../../src/domain/leapfrog'
import { parseScope } from '../../../src/domain/usage-scope'
import type { Db } from '../../db/db'
import { ErrorBody, HttpError } from '../../errors'
import { requireRole } from '../auth/require-role'
import { readCities } from '../cities/service'
import {
  ActivityAnswer,
  ActivityQuery,
  DomainsAnswer,
  IndexAnswer,
  IndexQuery,
  LeapfrogAnswer,
  LeapfrogQuery,
  LocalNationalAnswer,
  PeriodQuery,
  TopCitiesAnswer,
  TopCitiesQuery,
  TrendsAnswer,
  TypesAnswer,
  UploadList,
  UploadQuery,
  UploadSummary,
} from '../../../src/api/stats'
import { csvTables } from './csv-tables'
import { indexAnswer } from './index-answer'
import type { Period, StatsService } from './stats-service'
import { listUploads, readRanking, saveUpload } from './uploads'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody }
const MAX_UPLOAD_BYTES = 256 * 1024

/** CSV when asked for (`?format=csv` or `Accept: text/csv`), else the JSON answer. */
function wantsCsv(req: FastifyRequest): boolean {
  const { format } = req.query as { format?: string }
  return format === 'csv' || (format !== 'json' && /\btext\/csv\b/.test(req.headers.accept ?? ''))
}

function sendCsv(reply: FastifyReply, name: string, period: Period, rows: (string | number | null)[][]) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="onecity-${name}-${period.from}-${period.to}.csv"`)
    .send(toCsv(rows))
}

/**
 * The analysts' API (04-platform.md `/v1/stats/...`): aggregates only, small
 * cells withheld, every endpoint in JSON or CSV. The figures of a period come
 * from one cached computation (stats-service.ts).
 */
export const statsRoutes: FastifyPluginAsyncTypebox<{ db: Db; stats: StatsService }> = async (app, { db, stats }) => {
  const onRequest = requireRole(db, 'analyst')
  const security = [{ bearerAuth: [] }]
  const meta = (p: Period) => ({ from: p.from, to: p.to, months: p.months, k: stats.k })
  const weightsIdOf = (w: string | undefined) => (w === undefined || w === 'equal' ? null : Number(w))

  // Uploads are CSV files: read as text here only (the rest of the API takes JSON).
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body))

  app.get('/v1/stats/activity', { onRequest, schema: { tags: ['stats'], summary: 'One scope per month: actives, returning, first, return rate (withheld below k)', security, querystring: ActivityQuery, response: { 200: ActivityAnswer, ...errors } } }, async (req, reply) => {
    if (!parseScope(req.query.scope)) {
      throw new HttpError(422, 'UNKNOWN_SCOPE', `Not a usage scope: ${JSON.stringify(req.query.scope)} / 不是统计范围（例如 all、prov:44、city:440300、domain:traffic@440300）`, [{ path: 'querystring.scope', message: 'all, prov:<2 digits>, city:<6 digits>, type:<type>@<city>, domain:<domain>@<city>, svc:<id>[@<city>]' }])
    }
    const period = await stats.period(req.query)
    const rows = await stats.activity(req.query.scope, period)
    if (wantsCsv(req)) return sendCsv(reply, 'activity', period, csvTables.activity(rows))
    return { scope: req.query.scope, ...meta(period), rows }
  })

  app.get('/v1/stats/index', { onRequest, schema: { tags: ['stats'], summary: 'The smart-city sub-index of cities or provinces: every indicator with its share and rank, the weights, concentration', security, querystring: IndexQuery, response: { 200: IndexAnswer, ...errors } } }, async (req, reply) => {
    const period = await stats.period(req.query)
    const answer = indexAnswer(await stats.snapshot(period, weightsIdOf(req.query.weights)), req.query.level ?? 'city')
    if (wantsCsv(req)) return sendCsv(reply, `index-${answer.level}`, period, csvTables.index(answer.rows))
    return { ...meta(period), ...answer }
  })

  app.get('/v1/stats/domains', { onRequest, schema: { tags: ['stats'], summary: 'Domains by MAU with return rate and richness (the quadrant); the top-10 share', security, querystring: PeriodQuery, response: { 200: DomainsAnswer, ...errors } } }, async (req, reply) => {
    const period = await stats.period(req.query)
    const { domains } = await stats.snapshot(period, null)
    if (wantsCsv(req)) return sendCsv(reply, 'domains', period, csvTables.domains(domains.rows))
    return { ...meta(period), ...domains }
  })

  app.get('/v1/stats/types', { onRequest, schema: { tags: ['stats'], summary: 'Service types: share of users and returning share', security, querystring: PeriodQuery, response: { 200: TypesAnswer, ...errors } } }, async (req, reply) => {
    const period = await stats.period(req.query)
    const { types } = await stats.snapshot(period, null)
    if (wantsCsv(req)) return sendCsv(reply, 'types', period, csvTables.types(types))
    return { ...meta(period), rows: types }
  })

  app.get('/v1/stats/local-national', { onRequest, schema: { tags: ['stats'], summary: 'Local (city, province) against national services: users, per service, returning', security, querystring: PeriodQuery, response: { 200: LocalNationalAnswer, ...errors } } }, async (req, reply) => {
    const period = await stats.period(req.query)
    const { localNational } = await stats.snapshot(period, null)
    if (wantsCsv(req)) return sendCsv(reply, 'local-national', period, csvTables.localNational(localNational))
    return { ...meta(period), ...localNational }
  })

  app.get('/v1/stats/top-cities', { onRequest, schema: { tags: ['stats'], summary: 'The top cities of each domain by MAU (the report’s table 1)', security, querystring: TopCitiesQuery, response: { 200: TopCitiesAnswer, ...errors } } }, async (req, reply) => {
    const period = await stats.period(req.query)
    const snapshot = await stats.snapshot(period, null)
    const n = req.query.n ?? 10
    const domains = snapshot.topCities
      .filter((d) => req.query.domain === undefined || d.domain === req.query.domain)
      .map((d) => ({ ...d, cities: d.cities.slice(0, n).map((c, i) => ({ rank: i + 1, code: c.code, name: snapshot.cities.get(c.code)?.name ?? c.code, mau: c.mau })) }))
    if (req.query.domain !== undefined && domains.length === 0) throw new HttpError(404, 'DOMAIN_NOT_FOUND', `No domain ${req.query.domain} / 没有这个领域`)
    if (wantsCsv(req)) return sendCsv(reply, 'top-cities', period, csvTables.topCities(domains))
    return { ...meta(period), domains }
  })

  app.get('/v1/stats/trends', { onRequest, schema: { tags: ['stats'], summary: 'Month by month: national actives and return rate, users per type and per domain', security, querystring: PeriodQuery, response: { 200: TrendsAnswer, ...errors } } }, async (req, reply) => {
    const period = await stats.period(req.query)
    const { trends } = await stats.snapshot(period, null)
    if (wantsCsv(req)) return sendCsv(reply, 'trends', period, csvTables.trends(trends))
    return { ...meta(period), rows: trends }
  })

  app.get('/v1/stats/leapfrog', { onRequest, schema: { tags: ['stats'], summary: 'Leapfrog cities (黑马): ranked here at least minLead places above their rank in an imported ranking', security, querystring: LeapfrogQuery, response: { 200: LeapfrogAnswer, ...errors } } }, async (req, reply) => {
    const period = await stats.period(req.query)
    const ranking = await readRanking(db, Number(req.query.ranking))
    if (!ranking) throw new HttpError(404, 'RANKING_NOT_FOUND', `No imported ranking ${req.query.ranking} / 没有这份导入的排名`)
    const snapshot = await stats.snapshot(period, weightsIdOf(req.query.weights))
    const minLead = req.query.minLead ?? 10
    const ours = new Map(snapshot.cityIndex.rows.map((r) => [r.code, r.rank]))
    const size = Math.max(0, ...ranking.rows.map((r) => r.rank))
    const rows = findLeapfrogs(ours, new Map(ranking.rows.map((r) => [r.code, r.rank])), minLead, size).map((l) => ({ ...l, name: snapshot.cities.get(l.code)?.name ?? l.code }))
    if (wantsCsv(req)) return sendCsv(reply, 'leapfrog', period, csvTables.leapfrog(rows))
    return { ...meta(period), ranking: { id: ranking.id, name: ranking.name, size }, minLead, rows }
  })

  app.get('/v1/stats/uploads', { onRequest, schema: { tags: ['stats'], summary: 'Uploaded expert score tables and imported rankings', security, response: { 200: UploadList, ...errors } } }, async () => ({
    uploads: await listUploads(db),
  }))

  const uploadSchema = (summary: string) => ({
    tags: ['stats'],
    summary,
    security,
    querystring: UploadQuery,
    consumes: ['text/csv'],
    response: { 201: UploadSummary, ...errors, 413: ErrorBody, 415: ErrorBody },
  })
  const refuse = (problems: string[]) =>
    new HttpError(422, 'CSV_INVALID', `The file was not imported / 文件未导入：${problems.slice(0, 3).join('；')}`, problems.map((message) => ({ path: 'body', message })))
  const csvBody = (body: unknown) => {
    if (typeof body !== 'string' || body.trim() === '') throw new HttpError(400, 'CSV_REQUIRED', 'Send the CSV file as the body (Content-Type: text/csv) / 请以 text/csv 发送 CSV 文件')
    return body
  }

  app.post('/v1/stats/weights', { onRequest, schema: uploadSchema('Upload an expert score table (CSV: expert, then the six indicators scored 1–5): weights α = Σ scores of j / Σ all scores') }, async (req, reply) => {
    const csv = csvBody(req.body)
    const parsed = parseExpertScores(csv)
    if (!parsed.ok) throw refuse(parsed.problems)
    reply.code(201)
    return saveUpload(db, 'weights', req.query.name ?? '专家打分表', csv, { scores: parsed.scores, weights: parsed.weights })
  })

  app.post('/v1/stats/rankings', { onRequest, schema: uploadSchema('Import another ranking of cities (CSV: rank, city name or code, optional value) to find leapfrog cities') }, async (req, reply) => {
    const csv = csvBody(req.body)
    const parsed = parseExternalRanking(csv, await readCities(db))
    if (!parsed.ok) throw refuse(parsed.problems)
    reply.code(201)
    return saveUpload(db, 'ranking', req.query.name ?? '外部排名', csv, { rows: parsed.rows, unknown: parsed.unknown })
  })
}
