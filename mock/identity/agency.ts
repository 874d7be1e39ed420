import type { SimulatedAgency } from '../agencies'
import { CONTRACT } from '../../server/contracts/identity'
import { registerIdentityAgency } from './app'

export const agency: SimulatedAgency = { contract: CONTRACT, register: registerIdentityAgency }
