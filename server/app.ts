import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseQuery } from 'node:querystring'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { type Config, ConfigError } from './config'
import { consoleRoutes } from './console/routes'
import { contractSchemas } from './contracts'
import { createSecretBox, resolveDataKey } from './crypto/secret-box'
import type { Db } from './db/db'
import { migrate } from './db/migrate'
import { openDb } from './db/open-db'
import { ErrorBody, HttpError, registerErrorHandling } from './errors'
import { serveH5Pending } from './http/h5-pending'
import { registerAbuseLimits } from './http/abuse-limits'
import { refuseUnstorableInput } from './http/unstorable-input'
import { registerSecurityHeaders } from './http/security-headers'
import { capConnections, serverOptions } from './http/server-options'
import { agencyAdminRoutes } from './modules/agencies/routes'
import { signingSecretRoutes } from './modules/agencies/secret-routes'
import { recordAudit } from './modules/onboarding/service'
import { getAgency } from './modules/agencies/service'
import { AgencySchema } from '../src/api/agencies'
import { tokenAdminRoutes } from './modules/auth/routes'
import { TokenInfo } from '../src/api/auth'
import { catalogRoutes } from './modules/catalog/routes'
import { webviewOrigins } from './modules/catalog/service'
import { ServiceManifestSchema } from './modules/onboarding/manifest-schema'
import { onboardingAdminRoutes } from './modules/onboarding/admin-routes'
import { agencyServiceRoutes } from './modules/onboarding/routes'
import { platformAgencyRoutes } from './modules/onboarding/platform-agency-routes'
import { CatalogServiceSchema, CoverageSchema, ServiceItemSchema } from '../src/api/catalog'
import { cityRoutes } from './modules/cities/routes'
import { reviewRoutes } from './modules/review/routes'
import { probeRoutes } from './modules/probes/routes'
import { ReviewSchema, ReviewSummarySchema } from '../src/api/review'
import { type ReviewWorker, createReviewWorker } from './modules/review/review-worker'
import { CitySchema } from '../src/api/cities'
import { createCityService } from './modules/cities/service'
import { type DemoTokens, hasDemoSeed, seed } from './seed/seed'
import { type SliceDeps, fulfillersOf, identityReleasedOf } from './slice'
import { SLICES } from './slices'
import { createLookupKey } from './crypto/lookup-key'
import type { CitizenDeps, PlatformLinks } from './modules/citizens/citizen-deps'
import { backfillIdentityKeys } from './modules/citizens/backfill-identity-keys'
import { faceCheckRoutes } from './modules/citizens/face-check-routes'
import { meRoutes } from './modules/citizens/me-routes'
import { Identity, RecordSchema, Vehicle } from '../src/api/citizens'
import { sessionRoutes } from './modules/citizens/session-routes'
import { vehicleRoutes } from './modules/citizens/vehicle-routes'
import { createPayments } from './modules/payments/payment-service'
import { type WechatPaySettings, createWechatPayClient, wechatPaySettings } from './modules/payments/wechat-pay-client'
import { paymentNotifyRoutes, paymentRoutes } from './modules/payments/routes'
import { Payment } from '../src/api/payments'
import { MessageSchema } from '../src/api/messages'
import { messageRoutes } from './modules/messages/routes'
import { notifyCaseChange } from './modules/messages/messages-service'
import { startJobs } from './jobs/start-jobs'
import { createUsageService } from './modules/usage/usage-service'
import { usageRoutes } from './modules/usage/routes'
import { statsRoutes } from './modules/stats/routes'
import { agencyStatsRoutes } from './modules/stats/agency-routes'
import { createStatsService } from './modules/stats/stats-service'
import { rulesOf } from './modules/probes/service'
import { AppointmentView, Patient } from '../src/api/hospital'
import { createAgencyNetwork } from './modules/gateway/agency-network'
import type { Resolve } from './modules/gateway/endpoint-rules'
import { type RatingService, createRatingService } from './modules/ratings/service'
import { ratingCitizenRoutes } from './modules/ratings/citizen-routes'
import { ratingTicketRoutes } from './modules/ratings/agency-routes'
import { ratingStatsRoutes } from './modules/ratings/stats-routes'
import { MyRating, TicketView } from '../src/api/ratings'

/**
 * What a request log line says about the request: method and path only. Query
 * strings carry a citizen's coordinates or search words and headers carry
 * tokens, so neither is ever logged.
 */
export function serializeRequest(req: { method: string; url: string; id: string }) {
  return { id: req.id, method: req.method, path: req.url.split('?')[0] }
}

export interface BuildOptions {
  /** An open database to use (tests pass a PGlite clone); by default one is opened from config and closed with the app. */
  db?: Db
  /** How stale a cached catalog answer may be after another process changed the catalog (ms); default 1000. */
  catalogCacheMaxAgeMs?: number
  /** Where log lines go (tests capture them); stdout by default. */
  logStream?: NodeJS.WritableStream
  /** Reviews run at once in this process; default 2. */
  reviewConcurrency?: number
  /** Called on the first start with the demo tokens just made (npm start writes and prints them). */
  onDemoTokens?: (tokens: DemoTokens) => void
  /** Addresses known once things listen (startPlatform passes them); by default the configured ones and http://127.0.0.1:PORT. */
  links?: Partial<PlatformLinks>
  /** How agency endpoint names resolve (tests inject a fake resolver; by default the system's). */
  resolve?: Resolve
  /** The merchant's WeChat Pay (startPlatform passes the simulated one's in development); config.wechatPay by default. */
  wechatPay?: WechatPaySettings
}

/**
 * Builds the platform: migrates and seeds the database, registers every
 * module's routes, the OpenAPI docs and the H5 app. Does not listen (tests use inject()).
 */
declare module 'fastify' {
  interface FastifyInstance {
    /** The quality-review worker, run by server/jobs (tests and the demo onboarding wait on `reviews.idle()`). */
    reviews: ReviewWorker
    /** 好差评; the messages module listens with `ratings.onTicketAnswered`. */
    ratings: RatingService
  }
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const db = options.db ?? (await openDb(config))
  const dataKey = resolveDataKey(config)
  const box = createSecretBox(dataKey)
  await migrate(db)
  // A database a development start filled holds demo agencies and tokens whose secrets were printed and written to files.
  if (config.production && (await hasDemoSeed(db))) {
    if (!options.db) await db.close()
    throw new ConfigError([`The database holds the demo seed (demo agencies and tokens of a development start); production needs one without it (a new ONECITY_DATA_DIR or DATABASE_URL)`])
  }
  const seeded = await seed(db, box, { demo: config.demo })
  if (seeded.demoTokens) options.onDemoTokens?.(seeded.demoTokens)

  const app = Fastify({
    ...serverOptions(config.http),
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, serializers: { req: serializeRequest }, ...(options.logStream ? { stream: options.logStream } : {}) },
    routerOptions: {
      // An empty parameter (`?lat=`) means absent: otherwise the validator would coerce it to 0.
      querystringParser: (text: string) => {
        const parsed = parseQuery(text)
        for (const key of Object.keys(parsed)) if (parsed[key] === '') delete parsed[key]
        return parsed
      },
    },
    bodyLimit: 64 * 1024,
    // Report every problem of a request at once, not just the first, and refuse unknown
    // fields where a schema forbids them instead of silently dropping them.
    ajv: { customOptions: { allErrors: true, removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>()
  capConnections(app.server, config.http)
  // One connection pool for every agency call, guarded by the configured address policy (tests may inject a resolver).
  const network = createAgencyNetwork(config.agencyNetwork, options.resolve)
  const reviews = createReviewWorker({ db, box, config: config.review, production: config.production, network, log: app.log, concurrency: options.reviewConcurrency ?? 2 })
  app.decorate('reviews', reviews)
  const usage = await createUsageService(db)
  const citizens: CitizenDeps = {
    db,
    box,
    lookup: createLookupKey(dataKey),
    config,
    links: {
      wechatBase: options.links?.wechatBase ?? (() => config.wechat.apiBase),
      publicUrl: options.links?.publicUrl ?? (() => config.citizen.publicUrl ?? `http://127.0.0.1:${config.port}`),
    },
    network,
  }
  await backfillIdentityKeys(db, box, citizens.lookup)
  const wechatPay = createWechatPayClient(options.wechatPay ?? wechatPaySettings(config), config.citizen.agencyTimeoutMs)
  const payments = createPayments(citizens, { fulfillers: fulfillersOf(SLICES, citizens), wechatPay })
  const sliceDeps: SliceDeps = { ...citizens, payments }
  const sweeps = SLICES.flatMap((s) => (s.sweep ? [{ name: s.name, run: s.sweep(sliceDeps) }] : []))
  const jobs = startJobs({ db, config, log: app.log, reviews, sweeps, payments, usage, network, citizens })
  // Hooks run in order: the background work stops before the database it writes to closes.
  app.addHook('onClose', () => jobs.stop())
  // Usage answers wait for their commit: the last group finishes before the database closes.
  app.addHook('onClose', () => usage.idle())
  if (!options.db) app.addHook('onClose', () => db.close())

  registerErrorHandling(app)
  await registerSecurityHeaders(app, {
    h5Dir: config.h5Dir,
    webviewOrigins: () => webviewOrigins(db),
    originsMaxAgeMs: options.catalogCacheMaxAgeMs ?? 1000,
    https: config.citizen.publicUrl?.startsWith('https:') ?? false,
  })
  await registerAbuseLimits(app, config.http)
  app.addHook('preHandler', refuseUnstorableInput)
  await app.register(fastifySwagger, {
    // Name shared schemas by their $id (City, CatalogService…) in the OpenAPI document.
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      info: {
        title: 'OneCity 城市服务 API',
        version: '1',
        description: 'Citizen gateway, service catalog, agency onboarding and anonymous usage statistics. Errors: `{ error: { code, message, details } }`.',
      },
      tags: [{ name: 'health' }, { name: 'cities' }, { name: 'catalog' }, { name: 'citizen', description: 'the citizen app: session, identity, vehicles, records, services, payments' }, { name: 'admin', description: 'operators: agencies, tokens' }, { name: 'agency', description: 'agencies: manifests and their own services' }, { name: 'usage', description: 'anonymous usage statistics: no identifier of a person or device' }, { name: 'stats', description: 'analysts: indicators, the smart-city index and the report’s analyses; aggregates only, small cells withheld; JSON or CSV' }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'oc_… token from an operator or `npm run cli -- token create`' },
          citizenSession: { type: 'http', scheme: 'bearer', description: 'cs_… session token from POST /v1/sessions' },
        },
      },
    },
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' })
  // The typed contracts agencies implement are published as components of the same document.
  await app.register(async (published) => {
    for (const schema of contractSchemas()) published.addSchema(schema)
  })
  for (const schema of [ErrorBody, CitySchema, CoverageSchema, ServiceItemSchema, CatalogServiceSchema, AgencySchema, TokenInfo, ServiceManifestSchema, ReviewSummarySchema, ReviewSchema, Identity, Vehicle, RecordSchema, Payment, Patient, AppointmentView, MessageSchema, MyRating, TicketView]) {
    app.addSchema(schema)
  }

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  app.get(
    '/healthz',
    { schema: { tags: ['health'], summary: 'Liveness: the database answers', response: { 200: Type.Object({ status: Type.Literal('ok') }), 503: ErrorBody } } },
    async (req) => {
      try {
        await db.query('SELECT 1')
      } catch (err) {
        req.log.error({ err }, 'health check: database unavailable')
        throw new HttpError(503, 'DATABASE_UNAVAILABLE', 'The database does not answer / 数据库暂时无法访问')
      }
      return { status: 'ok' as const }
    },
  )

  const cities = await createCityService(db)
  await app.register(cityRoutes, { cities })
  await app.register(catalogRoutes, { db, cities, cacheMaxAgeMs: options.catalogCacheMaxAgeMs ?? 1000 })
  await app.register(agencyAdminRoutes, { db, cities, box })
  await app.register(signingSecretRoutes, { db, box, audit: recordAudit })
  await app.register(tokenAdminRoutes, { db, findAgency: (id) => getAgency(db, id), ttlDays: config.tokens.ttlDays })
  await app.register(agencyServiceRoutes, { db, reviews, network })
  await app.register(reviewRoutes, { db, reviews })
  await app.register(onboardingAdminRoutes, { db })
  await app.register(platformAgencyRoutes, { db })
  await app.register(probeRoutes, { db, config: config.review })
  await app.register(consoleRoutes, { prefix: '/console', db, http: config.http, publicUrl: config.citizen.publicUrl })

  await app.register(sessionRoutes, citizens)
  await app.register(meRoutes, citizens)
  await app.register(messageRoutes, citizens)
  await app.register(faceCheckRoutes, { ...citizens, identityReleased: identityReleasedOf(SLICES, citizens) })
  await app.register(vehicleRoutes, citizens)
  await app.register(paymentRoutes, { ...citizens, payments })
  await app.register(paymentNotifyRoutes, { ...citizens, payments })
  // The typed citizen services, from their one list.
  for (const slice of SLICES) await app.register(slice.routes, sliceDeps)
  await app.register(usageRoutes, { usage, config: config.usage })
  const stats = createStatsService(db, { k: config.usage.smallCellK, rules: rulesOf(config.review), cacheMs: config.usage.statsCacheSeconds * 1000 })
  await app.register(statsRoutes, { db, stats })
  // 好差评: ratings of 办结 cases, rectification tickets, appeals, satisfaction (issue 18).
  const ratings = createRatingService({ db, config: config.ratings, isCity: (code) => cities.isRegion(code), log: app.log })
  app.decorate('ratings', ratings)
  // An agency's answer to a poor rating reaches the citizen as a 消息 (one per case: the first answer; a record since removed has no one to tell).
  ratings.onTicketAnswered(async ({ recordId }) => {
    if (recordId) await notifyCaseChange(citizens, { recordId, state: 'rating-answered' })
  })
  await app.register(ratingCitizenRoutes, { db, ratings })
  await app.register(ratingTicketRoutes, { db, ratings })
  await app.register(ratingStatsRoutes, { db, ratings, k: config.usage.smallCellK })
  await app.register(agencyStatsRoutes, { db, stats, ratingsOf: ratings.serviceMonths })

  // The H5 build ships .br/.gz next to each file; send those to browsers that accept them. Files are looked up per
  // request, so a build that finishes after the start (npm start builds it behind the running server) is served.
  await app.register(fastifyStatic, { root: config.h5Dir, prefix: '/', index: ['index.html'], preCompressed: true })
  if (!existsSync(join(config.h5Dir, 'index.html'))) serveH5Pending(app, config.h5Dir)
  return app
}
