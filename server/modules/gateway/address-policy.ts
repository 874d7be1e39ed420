import ipaddr from 'ipaddr.js'

/**
 * Which addresses the platform may connect to when it calls an agency
 * (02-services.md, endpoint rules). The same policy judges an endpoint when it
 * is submitted and every address a name resolves to when a connection is
 * made, so a name that later resolves elsewhere (DNS rebinding) is caught.
 */
export interface AddressPolicy {
  /** Loopback (127/8, ::1, 0.0.0.0): the simulated agencies of development (ONECITY_AGENCY_LOOPBACK). */
  allowLoopback: boolean
  /** Production: https only, no IP-literal hosts, only public unicast addresses. */
  publicOnly: boolean
}

/** `npm start` and the tests: the simulated agencies on 127.0.0.1, plain http to them. */
export const DEVELOPMENT_POLICY: AddressPolicy = Object.freeze({ allowLoopback: true, publicOnly: false })
/** Production: public https endpoints only. */
export const PRODUCTION_POLICY: AddressPolicy = Object.freeze({ allowLoopback: false, publicOnly: true })

// Ranges (ipaddr.js names) that reach this machine: refused unless loopback is allowed.
const LOCAL_RANGES = new Set(['loopback', 'unspecified'])

const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback address',
  unspecified: 'the unspecified address (this machine)',
  private: 'a private address',
  uniqueLocal: 'a private (unique local) address',
  linkLocal: 'a link-local address (e.g. cloud metadata)',
  carrierGradeNat: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  ipv4Compatible: 'an IPv4-compatible IPv6 address',
}

/** The address's range: IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged as the IPv4 address it carries. */
function rangeOf(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '')
  if (!ipaddr.isValid(bare)) return 'invalid'
  const ip = ipaddr.process(bare)
  if (ip.kind() === 'ipv6') {
    const parts = (ip as ipaddr.IPv6).parts
    // ::a.b.c.d (deprecated IPv4-compatible form) carries an IPv4 address ipaddr.js calls unicast.
    if (parts.slice(0, 6).every((p) => p === 0) && ip.range() === 'unicast') return 'ipv4Compatible'
  }
  return ip.range()
}

/** True when the text is an IP address (IPv6 with or without brackets), not a name. */
export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(host.replace(/^\[|\]$/g, ''))
}

/**
 * Why the platform must not connect to this address under the policy, or
 * undefined when it may. Outside production only loopback is subject to the
 * policy; in production anything but public unicast is refused.
 */
export function addressRefusal(address: string, policy: AddressPolicy): string | undefined {
  const range = rangeOf(address)
  if (range === 'invalid') return `${address} is not an IP address`
  if (LOCAL_RANGES.has(range)) return policy.allowLoopback ? undefined : `${address} is ${RANGE_NAMES[range]}`
  if (!policy.publicOnly || range === 'unicast') return undefined
  return `${address} is ${RANGE_NAMES[range] ?? `a reserved address (${range})`}`
}
