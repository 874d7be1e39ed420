import type { SimulatedAgency } from '../agencies'
import { CONTRACT } from '../../server/contracts/housing-fund'
import { registerHousingFundAgency } from './app'

export const agency: SimulatedAgency = { contract: CONTRACT, register: registerHousingFundAgency }
