import type { TypedContract } from '../server/modules/onboarding/manifest-schema'
import { buildHospitalAgency } from './hospital/app'
import { buildHousingFundAgency } from './housing-fund/app'
import { buildIdentityAgency } from './identity/app'
import { buildPaymentAgency } from './payment/app'
import type { AgencyApp, AgencyOptions } from './shared/agency-app'
import { buildSocialSecurityAgency } from './social-security/app'
import { buildTrafficAgency } from './traffic/app'

/** Every simulated agency, by the contract it implements. */
export const AGENCY_BUILDERS: Record<TypedContract, (options: AgencyOptions) => AgencyApp> = {
  'traffic@1': buildTrafficAgency,
  'hospital@1': buildHospitalAgency,
  'identity@1': buildIdentityAgency,
  'payment@1': buildPaymentAgency,
  'social-security@1': buildSocialSecurityAgency,
  'housing-fund@1': buildHousingFundAgency,
}

export interface MockAgencies {
  /** Base URL of each agency, e.g. http://127.0.0.1:41234 */
  urls: Record<TypedContract, string>
  stop(): Promise<void>
}

/**
 * Starts every simulated agency on 127.0.0.1 with a free port, each answering
 * only requests signed with its contract's secret. `npm start` uses this to
 * give the platform real HTTP endpoints to onboard.
 */
export async function startMockAgencies(options: {
  secretFor(contract: TypedContract): string
  now?: () => number
}): Promise<MockAgencies> {
  const started: AgencyApp[] = []
  const urls = {} as MockAgencies['urls']
  const stop = async () => {
    await Promise.all(started.map((app) => app.close()))
  }
  try {
    for (const [contract, build] of Object.entries(AGENCY_BUILDERS) as [TypedContract, (o: AgencyOptions) => AgencyApp][]) {
      const app = build({ secret: options.secretFor(contract), ...(options.now ? { now: options.now } : {}) })
      started.push(app)
      urls[contract] = await app.listen({ host: '127.0.0.1', port: 0 })
    }
  } catch (err) {
    await stop()
    throw err
  }
  return { urls, stop }
}
