import type { Slice } from '../../slice'
import { utilityFulfillers } from './fulfil-utility-payments'
import { utilitiesRoutes } from './routes'

/** 生活缴费: household accounts, bills paid in one payment, prepaid top-up, payment history. */
export const utilitiesSlice: Slice = {
  name: 'utilities',
  routes: utilitiesRoutes,
  fulfillers: (deps) => utilityFulfillers(deps),
}
