import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorBody } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { citizenOf, requireCitizen } from '../citizens/citizen-session'
import type { Payments } from '../payments/payment-service'
import { createBrowsing } from './browsing-service'
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
} from '../../../src/api/hospital'
import { createBookings } from './service'

const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }

/**
 * 预约挂号 through the city's hospital service: browsing passes through to
 * the hospital in signed requests; booking, my appointments and cancelling
 * go through the bookings (service.ts), which keep the platform's side:
 * idempotency, the fee's payment, release of unpaid numbers and refunds.
 */
export const hospitalRoutes: FastifyPluginAsyncTypebox<CitizenDeps & { payments: Payments }> = async (app, deps) => {
  const browsing = createBrowsing(deps)
  const bookings = createBookings(deps)
  app.addHook('onRequest', requireCitizen(deps.db))

  app.get(
    '/v1/services/:serviceId/hospitals',
    { schema: { tags: ['citizen'], summary: "The service's hospitals (campuses) with their booking rules", security, params: ServiceParams, response: { 200: Hospitals, ...errors } } },
    async (req) => browsing.hospitals(req.params.serviceId, req.log),
  )

  app.get(
    '/v1/services/:serviceId/hospitals/:hospitalId/departments',
    { schema: { tags: ['citizen'], summary: 'Departments of a campus', security, params: HospitalPathParams, response: { 200: Departments, ...errors } } },
    async (req) => browsing.departments(req.params.serviceId, req.params.hospitalId, req.log),
  )

  app.get(
    '/v1/services/:serviceId/hospitals/:hospitalId/departments/:departmentId/doctors',
    { schema: { tags: ['citizen'], summary: 'Doctors of a department, with titles and registration fees', security, params: DepartmentPathParams, response: { 200: Doctors, ...errors } } },
    async (req) => browsing.doctors(req.params.serviceId, req.params.hospitalId, req.params.departmentId, req.log),
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
    async (req) => browsing.dates(req.params.serviceId, req.params.hospitalId, req.query, req.log),
  )

  app.get(
    '/v1/services/:serviceId/hospitals/:hospitalId/schedule',
    {
      schema: { tags: ['citizen'], summary: 'Slots of a department (or one doctor) on a date, with remaining numbers', security, params: HospitalPathParams, querystring: ScheduleQuery, response: { 200: DaySchedule, ...errors } },
    },
    async (req) => browsing.schedule(req.params.serviceId, req.params.hospitalId, req.query, req.log),
  )

  app.get(
    '/v1/services/:serviceId/hospitals/:hospitalId/visit-card',
    { schema: { tags: ['citizen'], summary: "A patient's visit card (就诊卡) at a campus, issued on first use", security, params: HospitalPathParams, querystring: VisitCardQuery, response: { 200: VisitCardView, ...errors } } },
    async (req) => browsing.visitCard(req.params.serviceId, req.params.hospitalId, citizenOf(req), req.query.patientId, req.log),
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
    async (req) => bookings.myAppointments(citizenOf(req), req.log),
  )

  app.get(
    '/v1/me/appointments/:appointmentId',
    { schema: { tags: ['citizen'], summary: 'One booking with its fee’s payment (an expired unpaid one is released first)', security, params: AppointmentParams, response: { 200: AppointmentAnswer, ...errors } } },
    async (req) => bookings.myAppointment(citizenOf(req), req.params.appointmentId, req.log),
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
    async (req) => bookings.cancel(citizenOf(req), req.params.appointmentId, req.log),
  )
}
