import { Agent as HttpAgent } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import type { LookupFunction } from 'node:net'
import { type AddressPolicy, DEVELOPMENT_POLICY, addressRefusal, isIpLiteral } from './address-policy'
import { type Resolve, bareHost, systemResolve } from './endpoint-rules'

/** A connection the policy refused: nothing was sent. */
export class AddressRefused extends Error {
  readonly code = 'EADDRREFUSED'
  constructor(readonly reason: string) {
    super(reason)
  }
}

/**
 * How the platform connects to agencies: keep-alive agents whose name lookup
 * refuses any address the policy forbids, checked at connect time on every
 * address a name resolves to (so DNS rebinding after submission does not
 * pass), plus the same check for IP-literal hosts, which are never looked up.
 */
export interface AgencyNetwork {
  readonly policy: AddressPolicy
  /** How names resolve (the system's, or a test's fake). */
  readonly resolve: Resolve
  /** Why this URL must not be connected to before any lookup (scheme, an IP-literal host's range); undefined when it may. */
  refusal(url: URL): string | undefined
  agent(url: URL): HttpAgent
}

/** A lookup for net.connect that answers only addresses the policy allows (every one of them, or an error). */
export function guardedLookup(policy: AddressPolicy, resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    const done = callback as (err: NodeJS.ErrnoException | null, address: string | { address: string; family: number }[], family?: number) => void
    resolve(hostname).then(
      (found) => {
        const wanted = options.family === 4 || options.family === 6 ? found.filter((a) => a.family === options.family) : found
        // One refused address refuses the name: a round-robin answer must not smuggle a private address in.
        const refused = found.map((a) => addressRefusal(a.address, policy)).find((r) => r !== undefined)
        if (refused) return done(new AddressRefused(`${hostname} resolves to ${refused}`), '')
        if (wanted.length === 0) return done(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '')
        if (options.all) return done(null, wanted)
        done(null, wanted[0]!.address, wanted[0]!.family)
      },
      (err: NodeJS.ErrnoException) => done(err, ''),
    )
  }
}

/** The network for a policy; `resolve` is injected by tests (a fake resolver: no real lookup). */
export function createAgencyNetwork(policy: AddressPolicy, resolve: Resolve = systemResolve): AgencyNetwork {
  const lookup = guardedLookup(policy, resolve)
  // Like Node's global agent (keep-alive, last-used socket first), idle sockets closed after 4 s: before a server's usual 5 s.
  const options = { keepAlive: true, scheduling: 'lifo' as const, timeout: 4000, lookup }
  const http = new HttpAgent(options)
  const https = new HttpsAgent(options)
  return {
    policy,
    resolve,
    refusal(url) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${url.protocol} is not http(s)`
      if (url.protocol === 'http:' && policy.publicOnly) return 'plain http is refused in production'
      const host = bareHost(url)
      return isIpLiteral(host) ? addressRefusal(host, policy) : undefined
    },
    agent: (url) => (url.protocol === 'https:' ? https : http),
  }
}

let shared: AgencyNetwork | undefined

/** Development's network (loopback allowed): for calls that were given none, e.g. the review run directly by a test. */
export function developmentNetwork(): AgencyNetwork {
  return (shared ??= createAgencyNetwork(DEVELOPMENT_POLICY))
}
