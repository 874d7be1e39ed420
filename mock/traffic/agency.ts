import type { SimulatedAgency } from '../agencies'
import { CONTRACT } from '../../server/contracts/traffic'
import { registerTrafficAgency } from './app'

export const agency: SimulatedAgency = { contract: CONTRACT, register: registerTrafficAgency }
