import type { Slice } from '../../slice'
import { fulfilAppointment } from './fulfil-appointment'
import { patientRoutes } from './patient-routes'
import { deletePatientsOf } from './patients-repository'
import { hospitalRoutes } from './routes'
import { createBookings } from './service'

/** 预约挂号: 就诊人, browsing, booking with the fee, my appointments, cancelling with a refund. */
export const hospitalSlice: Slice = {
  name: 'hospital',
  routes: async (app, deps) => {
    await app.register(patientRoutes, deps)
    await app.register(hospitalRoutes, deps)
  },
  fulfillers: (deps) => ({ appointment: fulfilAppointment(deps) }),
  // The account's 本人 (and any entry of that person) goes with the identity: the other account is that person now.
  identityReleased: (deps) => (tx, citizenId, person) => deletePatientsOf(tx, citizenId, deps.lookup('patient', person.idNumber)),
  sweep: (deps) => {
    const bookings = createBookings(deps)
    return (log) => bookings.sweep(log)
  },
}
