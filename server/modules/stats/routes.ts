import { gzipSync } from 'node:zlib'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { toCsv } from '../../../src/domain/csv'
import type { Db } from '../../db/db'
import { ErrorBody } from '../../errors'
import { requireRole } from '../auth/require-role'
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
import { leapfrog } from './leapfrog-service'
import { type Period, type StatsService, weightsIdOf } from './stats-service'
import { uploadRanking, uploads, uploadWeights } from './uploads-service'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody }
const MAX_UPLOAD_BYTES = 256 * 1024

/** CSV when asked for (`?format=csv` or `Accept: text/csv`), else the JSON answer. */
export function wantsCsv(req: FastifyRequest): boolean {
  const { format } = req.query as { format?: string }
  return format === 'csv' || (format !== 'json' && /\btext\/csv\b/.test(req.headers.accept ?? ''))
}

/** The rows as a CSV download named after the answer and its period. */
export function sendCsv(reply: FastifyReply, name: string, period: Pick<Period, 'from' | 'to'>, rows: (string | number | null)[][]) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="onecity-${name}-${period.from}-${period.to}.csv"`)
    .send(toCsv(rows))
}

/** A large JSON answer, kept serialized and gzipped. */
interface PreparedBody {
  json: string
  gzip: Buffer
}

const preparedBody = (json: string): PreparedBody => ({ json, gzip: gzipSync(json) })

/** Sends a prepared answer, gzipped to clients that accept it (an analyst's browser: about a tenth of the bytes). */
function sendPrepared(req: FastifyRequest, reply: FastifyReply, body: PreparedBody) {
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding')
  if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(body.gzip)
  return reply.send(body.json)
}

/**
 * The analysts' API (04-platform.md `/v1/stats/...`): aggregates only, small
 * cells withheld, every endpoint in JSON or CSV. The figures of a period come
 * from one cached computation (stats-service.ts).
 */
export const statsRoutes: FastifyPluginAsyncTypebox<{ db: Db; stats: StatsService }> = async (app, { db, stats }) => {
  const onRequest = requireRole(db, 'analyst')
  const security = [{ bearerAuth: [] }]
  const indexBodies = new WeakMap<object, PreparedBody>()
  const meta = (p: Period) => ({ from: p.from, to: p.to, months: p.months, k: stats.k })

  // Uploads are CSV files: read as text here only (the rest of the API takes JSON).
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body))

  app.get('/v1/stats/activity', { onRequest, schema: { tags: ['stats'], summary: 'One scope per month: actives, returning, first, return rate (withheld below k)', security, querystring: ActivityQuery, response: { 200: ActivityAnswer, ...errors } } }, async (req, reply) => {
    const { period, rows } = await stats.activity(req.query)
    if (wantsCsv(req)) return sendCsv(reply, 'activity', period, csvTables.activity(rows))
    return { scope: req.query.scope, ...meta(period), rows }
  })

  app.get('/v1/stats/index', { onRequest, schema: { tags: ['stats'], summary: 'The smart-city sub-index of cities or provinces: every indicator with its share and rank, the weights, concentration', security, querystring: IndexQuery, response: { 200: IndexAnswer, ...errors } } }, async (req, reply) => {
    const period = await stats.period(req.query)
    const answer = indexAnswer(await stats.snapshot(period, weightsIdOf(req.query.weights)), req.query.level ?? 'city')
    if (wantsCsv(req)) return sendCsv(reply, `index-${answer.level}`, period, csvTables.index(answer.rows))
    // Half a megabyte for 363 cities, the same until the snapshot is recomputed: serialized (by the response
    // schema) and gzipped once, not on every request.
    let body = indexBodies.get(answer)
    if (body === undefined) indexBodies.set(answer, (body = preparedBody(String(reply.serialize({ ...meta(period), ...answer })))))
    return sendPrepared(req, reply, body)
  })

  app.get('/v1/stats/domains', { onRequest, schema: { tags: ['stats'], summary: 'Domains by MAU with return rate and richness (the quadrant); the top-10 share', security, querystring: PeriodQuery, response: { 200: DomainsAnswer, ...errors } } }, async (req, reply) => {
    const period = await stats.period(req.query)
    const { domains } = await stats.analyses(period)
    if (wantsCsv(req)) return sendCsv(reply, 'domains', period, csvTables.domains(domains.rows))
    return { ...meta(period), ...domains }
  })

  app.get('/v1/stats/types', { onRequest, schema: { tags: ['stats'], summary: 'Service types: share of users and returning share', security, querystring: PeriodQuery, response: { 200: TypesAnswer, ...errors } } }, async (req, reply) => {
    const period = await stats.period(req.query)
    const { types } = await stats.analyses(period)
    if (wantsCsv(req)) return sendCsv(reply, 'types', period, csvTables.types(types))
    return { ...meta(period), rows: types }
  })

  app.get('/v1/stats/local-national', { onRequest, schema: { tags: ['stats'], summary: 'Local (city, province) against national services: users, per service, returning', security, querystring: PeriodQuery, response: { 200: LocalNationalAnswer, ...errors } } }, async (req, reply) => {
    const period = await stats.period(req.query)
    const { localNational } = await stats.analyses(period)
    if (wantsCsv(req)) return sendCsv(reply, 'local-national', period, csvTables.localNational(localNational))
    return { ...meta(period), ...localNational }
  })

  app.get('/v1/stats/top-cities', { onRequest, schema: { tags: ['stats'], summary: 'The top cities of each domain by MAU (the report’s table 1)', security, querystring: TopCitiesQuery, response: { 200: TopCitiesAnswer, ...errors } } }, async (req, reply) => {
    const { period, domains } = await stats.topCities(req.query)
    if (wantsCsv(req)) return sendCsv(reply, 'top-cities', period, csvTables.topCities(domains))
    return { ...meta(period), domains }
  })

  app.get('/v1/stats/trends', { onRequest, schema: { tags: ['stats'], summary: 'Month by month: national actives and return rate, users per type and per domain', security, querystring: PeriodQuery, response: { 200: TrendsAnswer, ...errors } } }, async (req, reply) => {
    const period = await stats.period(req.query)
    const { trends } = await stats.analyses(period)
    if (wantsCsv(req)) return sendCsv(reply, 'trends', period, csvTables.trends(trends))
    return { ...meta(period), rows: trends }
  })

  app.get('/v1/stats/leapfrog', { onRequest, schema: { tags: ['stats'], summary: 'Leapfrog cities (黑马): ranked here at least minLead places above their rank in an imported ranking', security, querystring: LeapfrogQuery, response: { 200: LeapfrogAnswer, ...errors } } }, async (req, reply) => {
    const { period, ranking, minLead, rows } = await leapfrog(db, stats, req.query)
    if (wantsCsv(req)) return sendCsv(reply, 'leapfrog', period, csvTables.leapfrog(rows))
    return { ...meta(period), ranking, minLead, rows }
  })

  app.get('/v1/stats/uploads', { onRequest, schema: { tags: ['stats'], summary: 'Uploaded expert score tables and imported rankings', security, response: { 200: UploadList, ...errors } } }, async () => ({
    uploads: await uploads(db),
  }))

  const uploadSchema = (summary: string) => ({
    tags: ['stats'],
    summary,
    security,
    querystring: UploadQuery,
    consumes: ['text/csv'],
    response: { 201: UploadSummary, ...errors, 413: ErrorBody, 415: ErrorBody },
  })

  app.post('/v1/stats/weights', { onRequest, schema: uploadSchema('Upload an expert score table (CSV: expert, then the six indicators scored 1–5): weights α = Σ scores of j / Σ all scores') }, async (req, reply) => {
    const summary = await uploadWeights(db, req.body, req.query.name)
    reply.code(201)
    return summary
  })

  app.post('/v1/stats/rankings', { onRequest, schema: uploadSchema('Import another ranking of cities (CSV: rank, city name or code, optional value) to find leapfrog cities') }, async (req, reply) => {
    const summary = await uploadRanking(db, req.body, req.query.name)
    reply.code(201)
    return summary
  })
}
