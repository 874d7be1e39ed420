import type { Static } from 'typebox'
import type { ConformanceRun } from '../conformance-run'
import { UNKNOWN, chinaDates } from '../suite-inputs'
import type { HospitalFixturesSchema } from './fixtures'
import type { operations } from './operations'

type Op = (typeof operations)[number]['name']

/** hospital@1: the campuses down to today's schedule of the fixture campus, unknown ids, bookings that book nothing, the patient's appointments and card. */
export async function hospitalSuite(run: ConformanceRun<Op>, f: Static<typeof HospitalFixturesSchema>, now: number): Promise<Op> {
  const { day } = chinaDates(now)
  const hospitals = await run.good<{ hospitals: { id: string }[] }>('listHospitals', {})
  const hospitalId = f.hospitalId
  if (hospitals && !hospitals.hospitals.some((h) => h.id === hospitalId)) {
    run.fail('listHospitals', 'fixture hospital listed', `the fixture hospital ${hospitalId} is not in listHospitals`)
  }
  const departments = await run.good<{ departments: { id: string }[] }>('listDepartments', { params: { hospitalId } })
  const departmentId = departments?.departments[0]?.id
  if (departmentId) {
    await run.good('listDoctors', { params: { hospitalId, departmentId } })
    await run.good('listDates', { params: { hospitalId }, query: { departmentId } })
    await run.good('getSchedule', { params: { hospitalId }, query: { date: day, departmentId } })
  }
  await run.rule('listDepartments', { params: { hospitalId: 'no-such-hospital' } }, { status: 404, code: 'HOSPITAL_NOT_FOUND' }, 'listDepartments of an unknown hospital')
  await run.rule('book', { body: { slotId: UNKNOWN.slot, patient: f.patient, idempotencyKey: 'onecity-review-0001' } },
    { status: 404, code: 'SLOT_NOT_FOUND' }, 'book an unknown slot (nothing is booked)')
  await run.rule('cancel', { params: { appointmentId: UNKNOWN.appointment }, body: { idNumber: f.patient.idNumber } },
    { status: 404, code: 'APPOINTMENT_NOT_FOUND' }, 'cancel an unknown appointment')
  await run.good('listAppointments', { body: { idNumber: f.patient.idNumber } })
  await run.good('getVisitCard', { body: { hospitalId, patient: f.patient } })
  return 'listHospitals'
}
