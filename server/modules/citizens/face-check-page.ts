import { isIpLiteral } from '../gateway/address-policy'

/**
 * Why the page an identity agency answered for a face check must not be
 * opened in the app, or undefined when it may. The page must be on the
 * agency's own origin (the scheme, host and port of its reviewed endpoint),
 * so an agency cannot send citizens to another site from inside the app;
 * in production it must be https with a host name (no IP address), as
 * endpoints are. No user info: `https://agency@evil.example` reads as the
 * agency to a person and is another host to a browser.
 */
export function faceCheckPageProblem(page: string, agencyEndpoint: string, production: boolean): string | undefined {
  let url: URL
  let agency: URL
  try {
    url = new URL(page)
    agency = new URL(agencyEndpoint)
  } catch {
    return 'is not a valid URL'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL'
  if (url.username !== '' || url.password !== '') return 'must not contain user info'
  if (url.origin !== agency.origin) return `must be on the agency's own origin ${agency.origin}, not ${url.origin}`
  if (production && url.protocol !== 'https:') return 'must use https in production'
  if (production && isIpLiteral(url.hostname)) return 'must name a host, not an IP address, in production'
  return undefined
}
