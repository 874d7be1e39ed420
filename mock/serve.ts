import type { TypedContract } from '../server/contracts'
import { simulatedAgencies } from './agencies'
import { type AgencyFaults, createAgencyHost, mountAgency } from './shared/agency-app'
import { registerWebviewSites } from './webview/app'
import { type WechatOptions, registerWechat } from './wechat/app'
import { type WechatPayOptions, registerWechatPay } from './payment/wechat-pay'

/** One simulated agency on the shared host. */
export interface MockTenant {
  /** Slug [a-z0-9-]; the tenant answers under `/<agencyId>`. */
  agencyId: string
  contract: TypedContract
  secret: string
  /** Development: the tenant's current secret after an operator rotated it (see AgencyOptions.latestSecret). */
  latestSecret?: () => Promise<string | undefined>
  faults?: AgencyFaults
}

export interface MockAgencies {
  /** The host's base URL, e.g. http://127.0.0.1:41234 */
  url: string
  /** `${url}/${agencyId}`: the base URL the agency declares in its manifest. */
  endpointOf(agencyId: string): string
  /** The simulated WeChat Pay answers every call 503 while this is on (tests: WeChat Pay unreachable). */
  setWechatPayDown(down: boolean): void
  stop(): Promise<void>
}

const AGENCY_ID = /^[a-z0-9-]+$/

/**
 * Starts one HTTP server (loopback, a free port by default) hosting every
 * tenant under its own path prefix, each with its own secret, replay guard,
 * in-memory state and faults. Throws on a malformed or repeated agencyId.
 */
export async function startMockAgencies(options: {
  tenants: MockTenant[]
  /** Also simulate WeChat's login service at `/wechat` for this mini-program. */
  wechat?: WechatOptions
  /** Also simulate WeChat Pay API v3 at `/wechatpay` with these test keys (its order lifetime is paymentOrderTtlMinutes). */
  wechatPay?: Omit<WechatPayOptions, 'orderTtlMinutes'>
  host?: string
  port?: number
  now?: () => number
  /** Minutes an unpaid order stays open at the simulated payment agencies (30 by default); tests shorten it. */
  paymentOrderTtlMinutes?: number
  /** Also serve the demo's web-view pages at `/webview/<service id>/h5/`, with their outages. */
  webviews?: boolean
}): Promise<MockAgencies> {
  const agencies = await simulatedAgencies()
  const ids = new Set<string>()
  for (const { agencyId, contract } of options.tenants) {
    if (!agencies.has(contract)) throw new Error(`no simulated agency implements ${contract}`)
    if (!AGENCY_ID.test(agencyId)) throw new Error(`agencyId ${JSON.stringify(agencyId)} must match ${AGENCY_ID}`)
    if (ids.has(agencyId) || (options.wechat && agencyId === 'wechat') || (options.wechatPay && agencyId === 'wechatpay') || (options.webviews && agencyId === 'webview')) throw new Error(`agencyId ${agencyId} is used twice`)
    ids.add(agencyId)
  }

  const app = createAgencyHost()
  if (options.wechat) {
    const wechat = options.wechat
    app.register(async (scope) => registerWechat(scope, wechat), { prefix: '/wechat' })
  }
  let wechatPayDown = false
  if (options.wechatPay) {
    const wechatPay: WechatPayOptions = {
      ...(options.now ? { now: options.now } : {}),
      down: () => wechatPayDown,
      ...options.wechatPay,
      ...(options.paymentOrderTtlMinutes !== undefined ? { orderTtlMinutes: options.paymentOrderTtlMinutes } : {}),
    }
    app.register(async (scope) => registerWechatPay(scope, wechatPay), { prefix: '/wechatpay' })
  }
  if (options.webviews) {
    const now = options.now
    app.register(async (scope) => registerWebviewSites(scope, now), { prefix: '/webview' })
  }
  for (const tenant of options.tenants) {
    mountAgency(app, `/${tenant.agencyId}`, agencies.get(tenant.contract)!, {
      secret: tenant.secret,
      ...(tenant.latestSecret ? { latestSecret: tenant.latestSecret } : {}),
      tenantId: tenant.agencyId,
      ...(options.paymentOrderTtlMinutes !== undefined ? { orderTtlMinutes: options.paymentOrderTtlMinutes } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(tenant.faults ? { faults: tenant.faults } : {}),
    })
  }
  let url: string
  try {
    url = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 })
  } catch (err) {
    await app.close()
    throw err
  }
  return {
    url,
    endpointOf(agencyId) {
      if (!ids.has(agencyId)) throw new Error(`no tenant ${agencyId}`)
      return `${url}/${agencyId}`
    },
    setWechatPayDown(down) {
      wechatPayDown = down
    },
    stop: () => app.close(),
  }
}
