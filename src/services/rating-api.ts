import type { FollowUpRequestT, MyRatingT, RatingRequestT } from '../api/ratings'
import { authedRequest } from './session'

/** GET /v1/me/ratings: the citizen's ratings of their 办事记录, with the agencies' answers. */
export async function listMyRatings(): Promise<MyRatingT[]> {
  return (await authedRequest<{ ratings: MyRatingT[] }>('/v1/me/ratings')).ratings
}

/** The rating of one record (from GET /v1/me/ratings), or null when it is not rated yet. */
export async function getMyRating(recordId: string): Promise<MyRatingT | null> {
  const all = await listMyRatings()
  return all.find((r) => r.recordId === recordId) ?? null
}

/** POST /v1/me/records/:recordId/rating: 评价, once, after 办结. */
export async function rateRecord(recordId: string, rating: RatingRequestT): Promise<MyRatingT> {
  return (await authedRequest<{ rating: MyRatingT }>(`/v1/me/records/${encodeURIComponent(recordId)}/rating`, { method: 'POST', data: rating })).rating
}

/** POST /v1/me/records/:recordId/rating/follow-up: the one 追评 after the agency answered. */
export async function followUpRating(recordId: string, followUp: FollowUpRequestT): Promise<MyRatingT> {
  return (await authedRequest<{ rating: MyRatingT }>(`/v1/me/records/${encodeURIComponent(recordId)}/rating/follow-up`, { method: 'POST', data: followUp })).rating
}
