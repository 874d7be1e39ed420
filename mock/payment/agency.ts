import type { SimulatedAgency } from '../agencies'
import { CONTRACT } from '../../server/contracts/payment'
import { registerPaymentAgency } from './app'

export const agency: SimulatedAgency = { contract: CONTRACT, register: registerPaymentAgency }
