import type { Slice } from '../../slice'
import { fulfilViolation } from './fulfil-violation'
import { trafficRoutes } from './routes'

/** 交通违法: violations of the citizen's vehicles, paying fines, licence points. */
export const trafficSlice: Slice = {
  name: 'traffic',
  routes: trafficRoutes,
  fulfillers: (deps) => ({ violation: fulfilViolation(deps) }),
}
