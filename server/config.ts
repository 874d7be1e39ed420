import { randomBytes } from 'node:crypto'
import { isAbsolute, resolve } from 'node:path'
import { type HttpConfig, readHttpConfig } from './http/http-config'

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
  /** NODE_ENV=production: agency endpoints must use https (no loopback exemption). */
  production: boolean
  review: ReviewConfig
  /** Port of the simulated agencies `npm start` runs (0 = a free one); null = do not start them. */
  mockPort: number | null
  citizen: CitizenConfig
  wechat: WechatConfig
  usage: UsageConfig
  http: HttpConfig
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
}

export interface WechatConfig {
  appId: string
  appSecret: string
  /** Base of the WeChat API (jscode2session); the simulated WeChat on the mock host when absent. */
  apiBase?: string
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
  }
  if (review.probeDownAfter < 1) problems.push('ONECITY_PROBE_DOWN_AFTER must be at least 1')
  const mockPortText = value('ONECITY_MOCK_PORT') ?? '4100'
  const mockPort = mockPortText === 'off' ? null : integer('ONECITY_MOCK_PORT', mockPortText, 65535)

  const production = value('NODE_ENV') === 'production'
  const publicUrl = value('ONECITY_PUBLIC_URL')
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/?#]+$/.test(publicUrl)) problems.push('ONECITY_PUBLIC_URL must be an origin like https://onecity.example.cn (no path)')
  const simulatorText = value('ONECITY_PAYMENT_SIMULATOR') ?? (production ? 'off' : 'on')
  if (simulatorText !== 'on' && simulatorText !== 'off') problems.push(`ONECITY_PAYMENT_SIMULATOR must be on or off, got "${simulatorText}"`)
  if (production && simulatorText === 'on') problems.push('ONECITY_PAYMENT_SIMULATOR cannot be on in production')
  const citizen: CitizenConfig = {
    sessionTtlHours: integer('ONECITY_SESSION_TTL_H', '720', 24 * 365),
    agencyTimeoutMs: integer('ONECITY_AGENCY_TIMEOUT_MS', '5000', 60_000),
    ...(publicUrl ? { publicUrl } : {}),
    paymentSimulator: simulatorText === 'on',
    bookingSweepSeconds: integer('ONECITY_BOOKING_SWEEP_S', '60', 3600),
  }
  const usage: UsageConfig = {
    ratePerMinute: integer('ONECITY_USAGE_RATE_PER_MIN', '120', 1_000_000),
    demoCitizens: integer('ONECITY_DEMO_USAGE_CITIZENS', '50000', 1_000_000),
    smallCellK: integer('ONECITY_STATS_K', '10', 1000),
    statsCacheSeconds: integer('ONECITY_STATS_CACHE_S', '300', 86_400),
  }
  const wechatApiBase = value('WECHAT_API_BASE')
  if (production && (!value('WECHAT_APP_ID') || !value('WECHAT_APP_SECRET') || !wechatApiBase)) {
    problems.push('WECHAT_APP_ID, WECHAT_APP_SECRET and WECHAT_API_BASE are required in production (the simulated WeChat is for development)')
  }
  const wechat: WechatConfig = {
    appId: value('WECHAT_APP_ID') ?? 'wxonecitydev00001',
    // The simulated WeChat runs in the same process and gets the same value: a fresh one per start is enough.
    appSecret: value('WECHAT_APP_SECRET') ?? randomBytes(16).toString('hex'),
    ...(wechatApiBase ? { apiBase: wechatApiBase.replace(/\/+$/, '') } : {}),
  }

  const http = readHttpConfig(value, integer, production, problems)

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
    production,
    review,
    mockPort,
    citizen,
    wechat,
    usage,
    http,
  }
}
