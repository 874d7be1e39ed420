import { BlockList, isIP } from 'node:net'

/** Limits of the HTTP front door (04-platform.md "Identity and abuse"; issue 16). */
export interface HttpConfig {
  /** Addresses or CIDRs of the reverse proxies whose X-Forwarded-For/-Proto are believed (ONECITY_TRUST_PROXY); empty = none. */
  trustProxy: string[]
  /** Citizen logins (POST /v1/sessions) a minute per client address. */
  loginPerMinute: number
  /** Console sign-in attempts a minute per client address. */
  consoleSignInPerMinute: number
  /** Requests with a token the platform does not accept, a minute per client address; over it every request with a token is 429. */
  badTokensPerMinute: number
  /** A client must send its request headers within this (ms); slower connections are dropped. */
  headersTimeoutMs: number
  /** A whole request (headers and body) must arrive within this (ms). */
  requestTimeoutMs: number
  /** An idle keep-alive connection is closed after this (ms). */
  keepAliveTimeoutMs: number
  /** Requests served on one connection before it is closed (0 = no limit). */
  maxRequestsPerSocket: number
  /** Open connections in all (0 = no limit). */
  maxConnections: number
  /** Open connections from one client address (0 = no limit); trusted proxies are exempt. */
  maxConnectionsPerAddress: number
  /** A console session ends after this long without a request (minutes). */
  consoleIdleMinutes: number
  /** A console session ends this long after sign-in whatever happens (hours). */
  consoleMaxHours: number
}

type Integer = (name: string, fallback: string, max: number) => number

/**
 * Reads the HTTP limits from the environment. Development keeps today's
 * generous behaviour (tests and benchmarks send everything from one address);
 * production defaults are strict.
 */
export function readHttpConfig(value: (name: string) => string | undefined, integer: Integer, production: boolean, problems: string[]): HttpConfig {
  const trustProxy = (value('ONECITY_TRUST_PROXY') ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  for (const entry of trustProxy) if (!isAddressOrCidr(entry)) problems.push(`ONECITY_TRUST_PROXY must list IP addresses or CIDRs of the proxies, got "${entry}"`)
  const pick = (dev: number, prod: number) => String(production ? prod : dev)
  return {
    trustProxy,
    loginPerMinute: integer('ONECITY_LOGIN_RATE_PER_MIN', pick(6000, 30), 1_000_000),
    consoleSignInPerMinute: integer('ONECITY_CONSOLE_SIGNIN_RATE_PER_MIN', pick(600, 10), 1_000_000),
    badTokensPerMinute: integer('ONECITY_BAD_TOKEN_RATE_PER_MIN', pick(6000, 20), 1_000_000),
    headersTimeoutMs: integer('ONECITY_HEADERS_TIMEOUT_MS', '10000', 600_000),
    requestTimeoutMs: integer('ONECITY_REQUEST_TIMEOUT_MS', '30000', 600_000),
    keepAliveTimeoutMs: integer('ONECITY_KEEP_ALIVE_TIMEOUT_MS', '5000', 600_000),
    maxRequestsPerSocket: integer('ONECITY_MAX_REQUESTS_PER_SOCKET', pick(0, 1000), 1_000_000),
    maxConnections: integer('ONECITY_MAX_CONNECTIONS', pick(0, 10_000), 1_000_000),
    maxConnectionsPerAddress: integer('ONECITY_MAX_CONNECTIONS_PER_ADDRESS', pick(0, 256), 1_000_000),
    consoleIdleMinutes: integer('ONECITY_CONSOLE_IDLE_MIN', '30', 24 * 60),
    consoleMaxHours: integer('ONECITY_CONSOLE_MAX_H', '12', 24 * 30),
  }
}

function isAddressOrCidr(entry: string): boolean {
  const [address, bits, extra] = entry.split('/')
  const family = isIP(address ?? '')
  if (family === 0 || extra !== undefined) return false
  if (bits === undefined) return true
  const prefix = Number(bits)
  return /^\d+$/.test(bits) && prefix <= (family === 4 ? 32 : 128)
}

/** Whether an address is one of the trusted proxies. */
export function trustedProxyMatcher(trustProxy: string[]): (address: string) => boolean {
  const list = new BlockList()
  for (const entry of trustProxy) {
    const [address, bits] = entry.split('/') as [string, string | undefined]
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4'
    if (bits === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(bits), type)
  }
  return (address) => {
    const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address
    return isIP(plain) !== 0 && list.check(plain, isIP(plain) === 6 ? 'ipv6' : 'ipv4')
  }
}
