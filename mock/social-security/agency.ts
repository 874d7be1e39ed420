import type { SimulatedAgency } from '../agencies'
import { CONTRACT } from '../../server/contracts/social-security'
import { registerSocialSecurityAgency } from './app'

export const agency: SimulatedAgency = { contract: CONTRACT, register: registerSocialSecurityAgency }
