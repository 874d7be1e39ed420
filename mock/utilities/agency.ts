import type { SimulatedAgency } from '../agencies'
import { CONTRACT } from '../../server/contracts/utilities'
import { registerUtilitiesAgency } from './app'

export const agency: SimulatedAgency = { contract: CONTRACT, register: registerUtilitiesAgency }
