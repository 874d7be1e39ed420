import { isIP } from 'node:net'

/** The API the weapp calls in development and the demo: the platform on this machine. */
export const DEVELOPMENT_API_BASE = 'http://127.0.0.1:3000'

/** True for a host WeChat would never let a released mini-program call: an IP address or a local name. */
function isAddressOrLocal(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return isIP(host) !== 0 || host === 'localhost' || host.endsWith('.localhost')
}

/**
 * The API base baked into the mini-program (TARO_APP_API_BASE). Development
 * and demo builds default to the platform on this machine; a release build
 * (ONECITY_RELEASE=1, `npm run build:weapp:release`) must name its own, and
 * it must be https on a domain name: WeChat only lets a released
 * mini-program call https domains declared in its admin console.
 */
export function weappApiBase(env: Record<string, string | undefined>): string {
  const given = env.TARO_APP_API_BASE?.trim()
  if (env.ONECITY_RELEASE !== '1') return given || DEVELOPMENT_API_BASE
  const fix = 'set TARO_APP_API_BASE to the https address of the platform, e.g. https://api.example.gov.cn'
  if (!given) throw new Error(`A release build of the mini-program needs its API address: ${fix}.`)
  let url: URL
  try {
    url = new URL(given)
  } catch {
    throw new Error(`TARO_APP_API_BASE "${given}" is not an address: ${fix}.`)
  }
  if (url.protocol !== 'https:') throw new Error(`TARO_APP_API_BASE "${given}" is not https (WeChat refuses http in a released mini-program): ${fix}.`)
  if (isAddressOrLocal(url.hostname)) throw new Error(`TARO_APP_API_BASE "${given}" names an IP address or a local host (WeChat only calls declared domains): ${fix}.`)
  return given.replace(/\/+$/, '')
}
