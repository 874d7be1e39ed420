import { hospitalSlice } from './modules/hospital/slice'
import { housingFundSlice } from './modules/housing-fund/slice'
import { socialSecuritySlice } from './modules/social-security/slice'
import { trafficSlice } from './modules/traffic/slice'
import { utilitiesSlice } from './modules/utilities/slice'
import type { Slice } from './slice'

/**
 * Every typed citizen service, one line each: buildApp registers their
 * routes, gives payments their fulfillers and starts their sweeps from this
 * list (the contract each one speaks is in server/contracts/index.ts, its
 * pages in src/packages/subpackages.ts).
 */
export const SLICES: readonly Slice[] = [
  trafficSlice,
  hospitalSlice,
  socialSecuritySlice,
  housingFundSlice,
  utilitiesSlice,
]
