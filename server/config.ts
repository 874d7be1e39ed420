import { randomBytes } from 'node:crypto'
import { isAbsolute, resolve } from 'node:path'
import { DEFAULT_TOKEN_TTL_DAYS, type Role } from './modules/auth/token'
import type { AddressPolicy } from './modules/gateway/address-policy'
import { type HttpConfig, readHttpConfig } from './http/http-config'
import { type SubscribeTemplates, readSubscribeTemplates } from './modules/messages/subscribe-templates'
import type { RatingConfig } from './modules/ratings/ticket-deadlines'
import { type WechatPayConfig, readWechatPayConfig } from './wechat-pay-config'

export interface Config {
  port: number
  host: string
  /** PostgreSQL server URL; when absent the embedded PGlite database in dataDir is used. */
  databaseUrl?: string
  /** Absolute path of the data directory (embedded database, dev keys, demo tokens). */
  dataDir: string
  /** Base64 of the 32-byte key that encrypts PII and secrets at rest; a dev key is generated into dataDir when absent. */
  dataKey?: string
  /** Absolute path of the H5 build served at `/`. */
  h5Dir: string
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  /**
   * Where `npm start` writes its log lines (requests among them): `file`
   * (`<data dir>/server.log`, the default), `console`, or `off`. Warnings and
   * errors reach the console in every case.
   */
  requestLog: 'file' | 'console' | 'off'
  /**
   * NODE_ENV=production: nothing meant for development runs (no dev data key,
   * simulated agencies or WeChat, payment simulator or demo seed) and agency
   * endpoints must use https (no loopback exemption). Every production rule reads this switch.
   */
  production: boolean
  /** The demo catalog, its agencies and tokens on the first start (development only). */
  demo: boolean
  tokens: TokenConfig
  /** Where the platform may connect to agencies (02-services.md, endpoint rules): at submission and at connect time. */
  agencyNetwork: AddressPolicy
  review: ReviewConfig
  /** Port of the simulated agencies `npm start` runs (0 = a free one); null = do not start them. */
  mockPort: number | null
  citizen: CitizenConfig
  wechat: WechatConfig
  /** The merchant's WeChat Pay v3; undefined in development (the simulated WeChat Pay on the mock host). */
  wechatPay?: WechatPayConfig
  usage: UsageConfig
  http: HttpConfig
  /** 好差评: working days an agency has to call back (回访) and to fix (整改) a poor rating. */
  ratings: RatingConfig
}

export interface TokenConfig {
  /** Days a new token of each role lives unless its creator says otherwise (tokens always expire). */
  ttlDays: Record<Role, number>
  /** Hours an agency's previous signing secret keeps verifying after a rotation (both verify meanwhile). */
  secretOverlapHours: number
}

export interface UsageConfig {
  /** POST /v1/usage requests a minute per client address (kept in memory only). */
  ratePerMinute: number
  /** People the first start simulates over a year so the console has data (03-index.md); 0 = none. */
  demoCitizens: number
  /** Statistics: counts below this (and rates over such a count) are withheld from analysts. */
  smallCellK: number
  /** How long a computed statistics period is served from memory before it is recomputed. */
  statsCacheSeconds: number
}

export interface CitizenConfig {
  /** How long a citizen session lasts (hours). */
  sessionTtlHours: number
  /** Platform-to-agency calls for citizens give up after this (04-platform.md: 5 s). */
  agencyTimeoutMs: number
  /** Where agencies reach the platform (payment notify); the listening address when absent. */
  publicUrl?: string
  /** The H5 app may use the simulated WeChat Pay cashier (never in production). */
  paymentSimulator: boolean
  /** How often unpaid bookings whose payment expired are released at their hospital (seconds). */
  bookingSweepSeconds: number
  /** The H5 app may use the simulated face-check page (人脸核身) of the simulated identity agency (never in production). */
  faceCheckSimulator: boolean
  /** Failed identity checks (name mismatch, failed face check) allowed per hour, per account and per ID number; then 429. */
  identityFailuresPerHour: number
}

export interface WechatConfig {
  appId: string
  appSecret: string
  /** Base of the WeChat API (jscode2session); the simulated WeChat on the mock host when absent. */
  apiBase?: string
  /** 消息: the subscription message template per kind of change (WECHAT_SUBSCRIBE_TEMPLATES); empty = off. */
  subscribeTemplates: SubscribeTemplates
}

export interface ReviewConfig {
  /** Length of the load check's run (02-services.md: 10 s at 20 concurrent requests). */
  loadMs: number
  /** Re-review every listed service this often (hours); 0 = never. */
  intervalHours: number
  /** Probe every listed service this often (seconds) for the uptime check; 0 = never. */
  probeIntervalS: number
  /** A service is down from the first of this many consecutive failed probes (03-index.md: 2). */
  probeDownAfter: number
  /** Submissions of one agency waiting for (or in) review at most; more are refused with 429 REVIEW_QUEUE_FULL. */
  queuePerAgency: number
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

const LOG_LEVELS: readonly Config['logLevel'][] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

/**
 * Reads and checks the environment. Every problem is reported at once, so a
 * wrong setting stops the server at start with a message naming the variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const problems: string[] = []
  const value = (name: string) => {
    const v = env[name]?.trim()
    return v === '' ? undefined : v
  }

  const portText = value('PORT') ?? '3000'
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`PORT must be an integer from 0 to 65535, got "${portText}"`)

  const databaseUrl = value('DATABASE_URL')
  const usesServer = databaseUrl !== undefined && /^postgres(ql)?:\/\/\S+$/.test(databaseUrl)
  if (databaseUrl !== undefined && !usesServer) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL')
  }

  const dataKey = value('ONECITY_DATA_KEY')
  if (dataKey !== undefined && !(/^[A-Za-z0-9+/]{43}=$/.test(dataKey) && Buffer.from(dataKey, 'base64').length === 32)) {
    problems.push('ONECITY_DATA_KEY must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)')
  }
  // Every process on a shared database must open what the others sealed: one configured key, not a generated one each.
  if (usesServer && dataKey === undefined) {
    problems.push('ONECITY_DATA_KEY is required with DATABASE_URL (all server processes of one database must share the key)')
  }

  const logLevel = (value('LOG_LEVEL') ?? 'info') as Config['logLevel']
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`)

  const requestLog = (value('ONECITY_REQUEST_LOG') ?? 'file') as Config['requestLog']
  if (!['file', 'console', 'off'].includes(requestLog)) problems.push(`ONECITY_REQUEST_LOG must be file, console or off, got "${requestLog}"`)

  const integer = (name: string, fallback: string, max: number) => {
    const text = value(name) ?? fallback
    if (!/^\d+$/.test(text) || Number(text) > max) problems.push(`${name} must be an integer from 0 to ${max}, got "${text}"`)
    return Number(text)
  }
  const review: ReviewConfig = {
    loadMs: integer('ONECITY_REVIEW_LOAD_MS', '10000', 600_000),
    intervalHours: integer('ONECITY_REVIEW_INTERVAL_H', '24', 24 * 365),
    probeIntervalS: integer('ONECITY_PROBE_INTERVAL_S', '300', 86_400),
    probeDownAfter: integer('ONECITY_PROBE_DOWN_AFTER', '2', 100),
    queuePerAgency: integer('ONECITY_REVIEW_QUEUE_PER_AGENCY', '10', 10_000),
  }
  if (review.probeDownAfter < 1) problems.push('ONECITY_PROBE_DOWN_AFTER must be at least 1')
  if (review.queuePerAgency < 1) problems.push('ONECITY_REVIEW_QUEUE_PER_AGENCY must be at least 1')
  const production = value('NODE_ENV') === 'production'
  // Development defaults to the demo; production defaults to none of it and refuses it when asked for.
  const onOff = (name: string, fallback: 'on' | 'off') => {
    const text = value(name) ?? fallback
    if (text !== 'on' && text !== 'off') problems.push(`${name} must be on or off, got "${text}"`)
    return text === 'on'
  }
  const demo = onOff('ONECITY_DEMO', production ? 'off' : 'on')
  if (production && demo) problems.push('ONECITY_DEMO must be off in production (no demo agencies, services or tokens)')
  const mockPortText = value('ONECITY_MOCK_PORT') ?? (demo ? '4100' : 'off')
  const mockPort = mockPortText === 'off' ? null : integer('ONECITY_MOCK_PORT', mockPortText, 65535)
  if (production && mockPort !== null) problems.push('ONECITY_MOCK_PORT must be off in production (the simulated agencies and WeChat are for development)')
  if (production && !usesServer && dataKey === undefined) {
    problems.push('ONECITY_DATA_KEY is required in production (the key generated into the data directory is for development)')
  }
  const publicUrl = value('ONECITY_PUBLIC_URL')
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/?#]+$/.test(publicUrl)) problems.push('ONECITY_PUBLIC_URL must be an origin like https://onecity.example.cn (no path)')
  const paymentSimulator = onOff('ONECITY_PAYMENT_SIMULATOR', production ? 'off' : 'on')
  if (production && paymentSimulator) problems.push('ONECITY_PAYMENT_SIMULATOR cannot be on in production')
  const faceCheckSimulator = onOff('ONECITY_FACE_CHECK_SIMULATOR', production ? 'off' : 'on')
  if (production && faceCheckSimulator) problems.push('ONECITY_FACE_CHECK_SIMULATOR cannot be on in production')
  // Loopback agencies are the simulated ones of development; in production an endpoint on this machine would be SSRF.
  const allowLoopback = onOff('ONECITY_AGENCY_LOOPBACK', production ? 'off' : 'on')
  if (production && allowLoopback) problems.push('ONECITY_AGENCY_LOOPBACK cannot be on in production (agency endpoints must be public)')
  const agencyNetwork: AddressPolicy = { allowLoopback, publicOnly: production }
  const citizen: CitizenConfig = {
    sessionTtlHours: integer('ONECITY_SESSION_TTL_H', '720', 24 * 365),
    agencyTimeoutMs: integer('ONECITY_AGENCY_TIMEOUT_MS', '5000', 60_000),
    ...(publicUrl ? { publicUrl } : {}),
    paymentSimulator,
    bookingSweepSeconds: integer('ONECITY_BOOKING_SWEEP_S', '60', 3600),
    faceCheckSimulator,
    identityFailuresPerHour: integer('ONECITY_IDENTITY_FAILURES_PER_H', '5', 1000),
  }
  const usage: UsageConfig = {
    ratePerMinute: integer('ONECITY_USAGE_RATE_PER_MIN', '120', 1_000_000),
    demoCitizens: integer('ONECITY_DEMO_USAGE_CITIZENS', demo ? '50000' : '0', 1_000_000),
    smallCellK: integer('ONECITY_STATS_K', '10', 1000),
    statsCacheSeconds: integer('ONECITY_STATS_CACHE_S', '300', 86_400),
  }
  if (production && usage.demoCitizens > 0) problems.push('ONECITY_DEMO_USAGE_CITIZENS must be 0 in production (no simulated usage)')
  const agencyTtlDays = integer('ONECITY_AGENCY_TOKEN_TTL_D', String(DEFAULT_TOKEN_TTL_DAYS.agency), 3650)
  const staffTtlDays = integer('ONECITY_STAFF_TOKEN_TTL_D', String(DEFAULT_TOKEN_TTL_DAYS.operator), 3650)
  if (agencyTtlDays < 1 || staffTtlDays < 1) problems.push('ONECITY_AGENCY_TOKEN_TTL_D and ONECITY_STAFF_TOKEN_TTL_D must be at least 1 (tokens expire)')
  const tokens: TokenConfig = {
    ttlDays: { agency: agencyTtlDays, operator: staffTtlDays, analyst: staffTtlDays },
    secretOverlapHours: integer('ONECITY_SECRET_OVERLAP_H', '24', 24 * 30),
  }
  const wechatApiBase = value('WECHAT_API_BASE')
  if (production && (!value('WECHAT_APP_ID') || !value('WECHAT_APP_SECRET') || !wechatApiBase)) {
    problems.push('WECHAT_APP_ID, WECHAT_APP_SECRET and WECHAT_API_BASE are required in production (the simulated WeChat is for development)')
  }
  if (production && wechatApiBase !== undefined && !wechatApiBase.startsWith('https://')) {
    problems.push('WECHAT_API_BASE must be an https:// URL in production (the simulated WeChat is for development)')
  }
  const wechat: WechatConfig = {
    appId: value('WECHAT_APP_ID') ?? 'wxonecitydev00001',
    // The simulated WeChat runs in the same process and gets the same value: a fresh one per start is enough.
    appSecret: value('WECHAT_APP_SECRET') ?? randomBytes(16).toString('hex'),
    ...(wechatApiBase ? { apiBase: wechatApiBase.replace(/\/+$/, '') } : {}),
    subscribeTemplates: readSubscribeTemplates(value('WECHAT_SUBSCRIBE_TEMPLATES'), production, problems),
  }

  const http = readHttpConfig(value, integer, production, problems)
  const ratings: RatingConfig = {
    callbackWorkdays: integer('ONECITY_RATING_CALLBACK_WORKDAYS', '1', 60),
    fixWorkdays: integer('ONECITY_RATING_FIX_WORKDAYS', '15', 120),
  }
  if (ratings.callbackWorkdays < 1 || ratings.fixWorkdays < ratings.callbackWorkdays) problems.push('ONECITY_RATING_CALLBACK_WORKDAYS must be at least 1 and ONECITY_RATING_FIX_WORKDAYS at least as many')
  const wechatPay = readWechatPayConfig(value, production, value('WECHAT_APP_ID'), cwd, problems)

  if (problems.length > 0) throw new ConfigError(problems)
  const absolute = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p))
  return {
    port,
    host: value('HOST') ?? '127.0.0.1',
    databaseUrl,
    dataDir: absolute(value('ONECITY_DATA_DIR') ?? 'data'),
    dataKey,
    h5Dir: absolute(value('ONECITY_H5_DIR') ?? 'dist-h5'),
    logLevel,
    requestLog,
    production,
    demo,
    tokens,
    agencyNetwork,
    review,
    mockPort,
    citizen,
    wechat,
    ...(wechatPay ? { wechatPay } : {}),
    usage,
    http,
    ratings,
  }
}
