import type { FastifyBaseLogger } from 'fastify'
import { HttpError } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { findPatient, openPatient } from './patients-repository'
import { hospitalAgency } from './service'

/**
 * Browsing the hospital before booking: every answer passes through from the
 * hospital (hospital@1) in signed requests; only a visit card names a
 * patient, who must be one of the citizen's own.
 */
export function createBrowsing(deps: CitizenDeps) {
  const hospital = (serviceId: string, log: FastifyBaseLogger) => hospitalAgency(deps, serviceId, log)

  return {
    /** The service's hospitals (campuses) with their booking rules. */
    async hospitals(serviceId: string, log: FastifyBaseLogger) {
      return (await hospital(serviceId, log)).call('listHospitals', {})
    },

    /** Departments of a campus. */
    async departments(serviceId: string, hospitalId: string, log: FastifyBaseLogger) {
      return (await hospital(serviceId, log)).call('listDepartments', { params: { hospitalId } })
    },

    /** Doctors of a department, with titles and registration fees. */
    async doctors(serviceId: string, hospitalId: string, departmentId: string, log: FastifyBaseLogger) {
      return (await hospital(serviceId, log)).call('listDoctors', { params: { hospitalId, departmentId } })
    },

    /** Every date of the booking window for a department (or one doctor). */
    async dates(serviceId: string, hospitalId: string, query: { departmentId: string; doctorId?: string }, log: FastifyBaseLogger) {
      return (await hospital(serviceId, log)).call('listDates', { params: { hospitalId }, query })
    },

    /** Slots of a department (or one doctor) on a date, with remaining numbers. */
    async schedule(serviceId: string, hospitalId: string, query: { date: string; departmentId: string; doctorId?: string }, log: FastifyBaseLogger) {
      return (await hospital(serviceId, log)).call('getSchedule', { params: { hospitalId }, query })
    },

    /** A patient's visit card at a campus, issued on first use; 404 PATIENT_NOT_FOUND for someone else's patient. */
    async visitCard(serviceId: string, hospitalId: string, citizenId: string, patientId: string, log: FastifyBaseLogger) {
      const patient = await findPatient(deps.db, citizenId, patientId)
      if (!patient) throw new HttpError(404, 'PATIENT_NOT_FOUND', 'No such patient / 未找到该就诊人')
      return (await hospital(serviceId, log)).call('getVisitCard', { body: { hospitalId, patient: openPatient(deps.box, patient) } })
    },
  }
}
