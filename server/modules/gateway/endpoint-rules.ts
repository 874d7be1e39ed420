import { lookup } from 'node:dns/promises'
import { type AddressPolicy, addressRefusal, isIpLiteral } from './address-policy'

/** A name's addresses (dns.lookup with `all`); tests inject a fake one, so no test resolves or connects elsewhere. */
export type Resolve = (hostname: string) => Promise<{ address: string; family: number }[]>

/** The system resolver, every address of the name. */
export const systemResolve: Resolve = (hostname) => lookup(hostname, { all: true, verbatim: true })

// Plain http stays allowed for these names outside production (02-services.md check 8: loopback exempt in dev).
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]'])

/** The host as an address or name without IPv6 brackets. */
export const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '')

/**
 * What is wrong with an endpoint's form, whatever the mode (02-services.md:
 * an origin with an optional path prefix; no query, no fragment, no user
 * info). Read with the WHATWG URL parser the platform calls it with, so what
 * is checked is what is connected to. Such an endpoint is never called.
 */
export function endpointShapeProblems(endpoint: string): string[] {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    return ['is not a valid URL / 不是有效的网址']
  }
  const problems: string[] = []
  if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.push('must be an http(s) URL / 必须是 http(s) 地址')
  if (url.username !== '' || url.password !== '') problems.push('must not contain user info (user:password@) / 不能包含用户名或密码')
  // An empty "?" or "#" leaves search and hash empty but still ends the path: look at the text too.
  if (url.search !== '' || endpoint.includes('?')) problems.push('must not contain a query (?…): the platform appends each operation’s path / 不能包含查询参数（?…）')
  if (url.hash !== '' || endpoint.includes('#')) problems.push('must not contain a fragment (#…): the platform appends each operation’s path / 不能包含片段（#…）')
  return problems
}

/**
 * What the policy refuses in an endpoint's scheme and host, without resolving
 * the name: https in production (plain http only for a loopback host outside
 * production), no IP-literal host in production, and an IP literal's range.
 */
export function endpointTransportProblems(endpoint: string, policy: AddressPolicy): string[] {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    return []
  }
  const problems: string[] = []
  if (url.protocol === 'http:') {
    if (policy.publicOnly) problems.push('must use https in production / 生产环境必须使用 https')
    else if (!LOOPBACK_NAMES.has(url.hostname)) {
      problems.push('must use https; plain http is allowed only for localhost, 127.0.0.1 and [::1] / 必须使用 https，仅本机地址可用 http')
    }
  }
  const host = bareHost(url)
  if (isIpLiteral(host)) {
    if (policy.publicOnly) problems.push(`must name a host, not an IP address (${host}) / 必须使用域名，不能使用 IP 地址`)
    else {
      const refused = addressRefusal(host, policy)
      if (refused) problems.push(`${refused}: not allowed here / 不允许使用该地址`)
    }
  } else if ((host === 'localhost' || host.endsWith('.localhost')) && !policy.allowLoopback) {
    problems.push(`${host} is this machine: not allowed here / 不允许使用本机地址`)
  }
  return problems
}

/**
 * In production, the addresses the endpoint's name resolves to now: every one
 * must be public (the connection is checked again, address by address, when
 * it is made). Outside production nothing is resolved at submission.
 */
export async function endpointAddressProblems(endpoint: string, policy: AddressPolicy, resolve: Resolve = systemResolve): Promise<string[]> {
  if (!policy.publicOnly) return []
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    return []
  }
  const host = bareHost(url)
  if (isIpLiteral(host)) return []
  let addresses: { address: string }[]
  try {
    addresses = await resolve(host)
  } catch {
    return [`${host} does not resolve / 域名无法解析`]
  }
  if (addresses.length === 0) return [`${host} does not resolve / 域名无法解析`]
  return addresses.flatMap(({ address }) => {
    const refused = addressRefusal(address, policy)
    return refused ? [`${host} resolves to ${refused}; agency endpoints must be public / 域名解析到非公网地址，不能作为服务地址`] : []
  })
}
