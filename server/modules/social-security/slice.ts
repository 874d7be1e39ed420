import type { Slice } from '../../slice'
import { socialSecurityRoutes } from './routes'

/** 社保: insured status, contributions, the medical account, the e-card. */
export const socialSecuritySlice: Slice = { name: 'social-security', routes: socialSecurityRoutes }
