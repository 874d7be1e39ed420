import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/db'
import { ErrorBody } from '../../errors'
import { citizenOf, requireCitizen } from '../citizens/citizen-session'
import { FollowUpRequest, MyRatingAnswer, MyRatingList, RatingRequest, RecordParams } from '../../../src/api/ratings'
import type { RatingService } from './service'

const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody }

/** 好差评 in 办事记录: rate a 办结 case once, see the agency's answers, add one 追评. */
export const ratingCitizenRoutes: FastifyPluginAsyncTypebox<{ db: Db; ratings: RatingService }> = async (app, { db, ratings }) => {
  app.addHook('onRequest', requireCitizen(db))

  app.get(
    '/v1/me/ratings',
    { schema: { tags: ['citizen'], summary: '好差评: the citizen’s ratings of their 办事记录, with the agency’s answers to poor ones', security, response: { 200: MyRatingList, ...errors } } },
    async (req) => ({ ratings: await ratings.myRatings(citizenOf(req), new Date()) }),
  )

  app.get(
    '/v1/me/records/:recordId/rating',
    { schema: { tags: ['citizen'], summary: 'The rating of one 办事记录 item (404 NOT_RATED when it has none)', security, params: RecordParams, response: { 200: MyRatingAnswer, ...errors } } },
    async (req) => ({ rating: await ratings.myRating(citizenOf(req), req.params.recordId, new Date()) }),
  )

  app.post(
    '/v1/me/records/:recordId/rating',
    {
      schema: {
        tags: ['citizen'],
        summary: '评价 a 办结 case once: five levels, tags of the level, an optional comment (≤ 200 characters, ID and phone numbers masked). 1 or 2 opens the agency’s rectification ticket',
        security,
        params: RecordParams,
        body: RatingRequest,
        response: { 201: MyRatingAnswer, ...errors, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => reply.code(201).send({ rating: await ratings.rate(citizenOf(req), req.params.recordId, req.body, new Date()) }),
  )

  app.post(
    '/v1/me/records/:recordId/rating/follow-up',
    {
      schema: {
        tags: ['citizen'],
        summary: '追评: one follow-up rating once the agency has answered the poor rating',
        security,
        params: RecordParams,
        body: FollowUpRequest,
        response: { 201: MyRatingAnswer, ...errors, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => reply.code(201).send({ rating: await ratings.followUp(citizenOf(req), req.params.recordId, req.body, new Date()) }),
  )
}
