import type { SimulatedAgency } from '../agencies'
import { CONTRACT } from '../../server/contracts/hospital'
import { registerHospitalAgency } from './app'

export const agency: SimulatedAgency = { contract: CONTRACT, register: registerHospitalAgency }
