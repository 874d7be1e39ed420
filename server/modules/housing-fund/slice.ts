import type { Slice } from '../../slice'
import { housingFundRoutes } from './routes'

/** 公积金: the account, deposits, loans and withdrawals. */
export const housingFundSlice: Slice = { name: 'housing-fund', routes: housingFundRoutes }
