import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../db/db'
import { ErrorBody } from '../../errors'
import { requireRole } from '../auth/require-role'
import { AppealDecisionRequest, AppealRequest, TicketAnswer, TicketList, TicketParams, TicketQuery, TicketTextRequest } from '../../../src/api/ratings'
import type { RatingService } from './service'

const security = [{ bearerAuth: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }

/**
 * Rectification of poor ratings: agencies read and answer their own tickets
 * (回访, 整改) and appeal (申诉); operators see every ticket (the overdue ones
 * with `?state=overdue`) and decide appeals.
 */
export const ratingTicketRoutes: FastifyPluginAsyncTypebox<{ db: Db; ratings: RatingService }> = async (app, { db, ratings }) => {
  const agencyOnly = requireRole(db, 'agency')
  const operatorOnly = requireRole(db, 'operator')
  const agencyOf = (req: { principal?: { agencyId: string | null } }) => req.principal!.agencyId!

  app.get(
    '/v1/agency/tickets',
    { onRequest: agencyOnly, schema: { tags: ['agency'], summary: 'The agency’s rectification tickets (poor ratings of its services), newest first; ?state=open|overdue|answered|voided', security, querystring: TicketQuery, response: { 200: TicketList, ...errors } } },
    async (req) => ({ tickets: await ratings.tickets(agencyOf(req), req.query, new Date()) }),
  )

  app.get(
    '/v1/agency/tickets/:ticketId',
    { onRequest: agencyOnly, schema: { tags: ['agency'], summary: 'One of the agency’s tickets: the case, the rating, the deadlines and answers (never who rated)', security, params: TicketParams, response: { 200: TicketAnswer, ...errors } } },
    async (req) => ({ ticket: await ratings.ticket(agencyOf(req), req.params.ticketId, new Date()) }),
  )

  for (const which of ['callback', 'fix'] as const) {
    app.post(
      `/v1/agency/tickets/:ticketId/${which}`,
      {
        onRequest: agencyOnly,
        schema: {
          tags: ['agency'],
          summary: which === 'callback' ? '回访: the agency’s callback to the citizen, once (due within 1 working day)' : '整改: what the agency fixed, once (due within 15 working days)',
          security,
          params: TicketParams,
          body: TicketTextRequest,
          response: { 200: TicketAnswer, ...errors, 409: ErrorBody, 422: ErrorBody },
        },
      },
      async (req) => ({ ticket: await ratings.answer(agencyOf(req), req.params.ticketId, which, req.body.text, new Date()) }),
    )
  }

  app.post(
    '/v1/agency/tickets/:ticketId/appeal',
    {
      onRequest: agencyOnly,
      schema: { tags: ['agency'], summary: '申诉: the agency appeals the rating to an operator, once, with its reason', security, params: TicketParams, body: AppealRequest, response: { 200: TicketAnswer, ...errors, 409: ErrorBody } },
    },
    async (req) => ({ ticket: await ratings.appeal(agencyOf(req), req.params.ticketId, req.body.reason, new Date()) }),
  )

  app.get(
    '/v1/admin/tickets',
    { onRequest: operatorOnly, schema: { tags: ['admin'], summary: 'Every agency’s rectification tickets; ?state=overdue lists those past a deadline unanswered', security, querystring: TicketQuery, response: { 200: TicketList, ...errors } } },
    async (req) => ({ tickets: await ratings.tickets(null, req.query, new Date()) }),
  )

  app.get(
    '/v1/admin/appeals',
    {
      onRequest: operatorOnly,
      schema: {
        tags: ['admin'],
        summary: 'Appealed ratings as tickets, newest first; ?pending=true for the undecided ones',
        security,
        querystring: Type.Object({ pending: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: TicketList, ...errors },
      },
    },
    async (req) => ({ tickets: await ratings.appeals(req.query.pending ?? false, new Date()) }),
  )

  app.post(
    '/v1/admin/appeals/:appealId/decision',
    {
      onRequest: operatorOnly,
      schema: {
        tags: ['admin'],
        summary: 'Decide an appeal with a reason (audit log): upheld, the rating stands; voided, it leaves every figure',
        security,
        params: Type.Object({ appealId: Type.String({ maxLength: 20 }) }, { additionalProperties: false }),
        body: AppealDecisionRequest,
        response: { 204: Type.Null(), ...errors, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      await ratings.decide(req.principal!, req.params.appealId, req.body.decision, req.body.reason, new Date())
      return reply.code(204).send(null)
    },
  )
}
