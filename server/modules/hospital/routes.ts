import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { operation } from '../../contracts/common'
import { operations as hospitalOperations } from '../../contracts/hospital'
import { ErrorBody, HttpError } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { citizenOf, requireCitizen } from '../citizens/citizen-session'
import { listedService } from '../gateway/agency-targets'
import { callOperation } from '../gateway/call-operation'
import type { Payments } from '../payments/payment-service'
import { findAppointment, listAppointments } from './appointments-repository'
import { CONTRACT, createBookings } from './bookings'
import { findPatient, openPatient } from './patients-repository'
import {
  AppointmentAnswer,
  AppointmentParams,
  AppointmentViewList,
  BookingRequest,
  Dates,
  DatesQuery,
  DaySchedule,
  DepartmentPathParams,
  Departments,
  Doctors,
  HospitalPathParams,
  Hospitals,
  ScheduleQuery,
  ServiceParams,
  VisitCardQuery,
  VisitCardView,
} from './schemas'

const op = <N extends (typeof hospitalOperations)[number]['name']>(name: N) => operation(hospitalOperations, name)
const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }

/**
 * 预约挂号 through the city's hospital service: browsing passes through to
 * the hospital in signed requests; booking, my appointments and cancelling
 * go through the bookings (bookings.ts), which keep the platform's side:
 * idempotency, the fee's payment, release of unpaid numbers and refunds.
 */
export const hospitalRoutes: FastifyPluginAsyncTypebox<CitizenDeps & { payments: Payments }> = async (app, deps) => {
  const { db, box, config } = deps
  const timeoutMs = config.citizen.agencyTimeoutMs
  const bookings = createBookings(deps)
  app.addHook('onRequest', requireCitizen(db))

  const hospital = (serviceId: string) => listedService(db, box, serviceId, CONTRACT)

  app.get(
    '/v1/services/:serviceId/hospitals',
    { schema: { tags: ['citizen'], summary: "The service's hospitals (campuses) with their booking rules", security, params: ServiceParams, response: { 200: Hospitals, ...errors } } },
    async (req) => callOperation(await hospital(req.params.serviceId), op('listHospitals'), { timeoutMs, log: req.log }),
  )

  app.get(
    '/v1/services/:serviceId/hospitals/:hospitalId/departments',
    { schema: { tags: ['citizen'], summary: 'Departments of a campus', security, params: HospitalPathParams, response: { 200: Departments, ...errors } } },
    async (req) => callOperation(await hospital(req.params.serviceId), op('listDepartments'), { params: { hospitalId: req.params.hospitalId }, timeoutMs, log: req.log }),
  )

  app.get(
    '/v1/services/:serviceId/hospitals/:hospitalId/departments/:departmentId/doctors',
    { schema: { tags: ['citizen'], summary: 'Doctors of a department, with titles and registration fees', security, params: DepartmentPathParams, response: { 200: Doctors, ...errors } } },
    async (req) => {
      const { hospitalId, departmentId } = req.params
      return callOperation(await hospital(req.params.serviceId), op('listDoctors'), { params: { hospitalId, departmentId }, timeoutMs, log: req.log })
    },
  )

  app.get(
    '/v1/services/:serviceId/hospitals/:hospitalId/dates',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Every date of the booking window: workday, weekend, holiday or make-up workday; released; remaining numbers; why not bookable',
        security,
        params: HospitalPathParams,
        querystring: DatesQuery,
        response: { 200: Dates, ...errors },
      },
    },
    async (req) => {
      const target = await hospital(req.params.serviceId)
      return callOperation(target, op('listDates'), { params: { hospitalId: req.params.hospitalId }, query: req.query, timeoutMs, log: req.log })
    },
  )

  app.get(
    '/v1/services/:serviceId/hospitals/:hospitalId/schedule',
    {
      schema: { tags: ['citizen'], summary: 'Slots of a department (or one doctor) on a date, with remaining numbers', security, params: HospitalPathParams, querystring: ScheduleQuery, response: { 200: DaySchedule, ...errors } },
    },
    async (req) => {
      const target = await hospital(req.params.serviceId)
      return callOperation(target, op('getSchedule'), { params: { hospitalId: req.params.hospitalId }, query: req.query, timeoutMs, log: req.log })
    },
  )

  app.get(
    '/v1/services/:serviceId/hospitals/:hospitalId/visit-card',
    { schema: { tags: ['citizen'], summary: "A patient's visit card (就诊卡) at a campus, issued on first use", security, params: HospitalPathParams, querystring: VisitCardQuery, response: { 200: VisitCardView, ...errors } } },
    async (req) => {
      const patient = await findPatient(db, citizenOf(req), req.query.patientId)
      if (!patient) throw new HttpError(404, 'PATIENT_NOT_FOUND', 'No such patient / 未找到该就诊人')
      const target = await hospital(req.params.serviceId)
      return callOperation(target, op('getVisitCard'), { body: { hospitalId: req.params.hospitalId, patient: openPatient(box, patient) }, timeoutMs, log: req.log })
    },
  )

  app.post(
    '/v1/services/:serviceId/appointments',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Book a slot for a patient and open the registration fee’s payment; the same idempotencyKey always answers the same appointment',
        security,
        params: ServiceParams,
        body: BookingRequest,
        response: { 200: AppointmentAnswer, 201: AppointmentAnswer, ...errors, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      const { created, ...booked } = await bookings.book({ citizenId: citizenOf(req), serviceId: req.params.serviceId, ...req.body }, req.log)
      return reply.code(created ? 201 : 200).send(booked)
    },
  )

  app.get(
    '/v1/me/appointments',
    { schema: { tags: ['citizen'], summary: '我的预约: every booking, newest first', security, response: { 200: AppointmentViewList, ...errors } } },
    async (req) => {
      const rows = await listAppointments(db, citizenOf(req))
      const settled = await Promise.all(rows.map((row) => bookings.answer(row, req.log).catch(() => undefined)))
      // A payment agency that does not answer must not hide the list: those rows show as stored.
      return { appointments: rows.map((row, i) => settled[i]?.appointment ?? bookings.view(row, undefined)) }
    },
  )

  async function own(citizenId: string, appointmentId: string) {
    const row = await findAppointment(db, citizenId, appointmentId)
    if (!row) throw new HttpError(404, 'APPOINTMENT_NOT_FOUND', 'No such appointment / 未找到该预约')
    return row
  }

  app.get(
    '/v1/me/appointments/:appointmentId',
    { schema: { tags: ['citizen'], summary: 'One booking with its fee’s payment (an expired unpaid one is released first)', security, params: AppointmentParams, response: { 200: AppointmentAnswer, ...errors } } },
    async (req) => {
      const row = await bookings.settle(await own(citizenOf(req), req.params.appointmentId), req.log)
      return bookings.answer(row, req.log)
    },
  )

  app.post(
    '/v1/me/appointments/:appointmentId/cancel',
    {
      schema: {
        tags: ['citizen'],
        summary: "Cancel within the hospital's rule: the number goes back and a paid fee is refunded (cancelling again answers the same)",
        security,
        params: AppointmentParams,
        response: { 200: AppointmentAnswer, ...errors, 409: ErrorBody },
      },
    },
    async (req) => bookings.cancel(await own(citizenOf(req), req.params.appointmentId), req.log),
  )
}
