import { findLeapfrogs } from '../../../src/domain/leapfrog'
import type { Queryable } from '../../db/db'
import { HttpError } from '../../errors'
import { type StatsService, weightsIdOf } from './stats-service'
import { readRanking } from './uploads-repository'

/**
 * The leapfrog cities (黑马) of a period: ranked by our index at least
 * `minLead` (default 10) places above their rank in an imported ranking,
 * with that ranking's id, name and size. RANKING_NOT_FOUND when there is no
 * such ranking, WEIGHTS_NOT_FOUND when there is no such expert score table.
 */
export async function leapfrog(db: Queryable, stats: StatsService, q: { from?: string; to?: string; ranking: string; minLead?: number; weights?: string }) {
  const period = await stats.period(q)
  const ranking = await readRanking(db, Number(q.ranking))
  if (!ranking) throw new HttpError(404, 'RANKING_NOT_FOUND', `No imported ranking ${q.ranking} / 没有这份导入的排名`)
  const snapshot = await stats.snapshot(period, weightsIdOf(q.weights))
  const minLead = q.minLead ?? 10
  const ours = new Map(snapshot.cityIndex.rows.map((r) => [r.code, r.rank]))
  const size = Math.max(0, ...ranking.rows.map((r) => r.rank))
  const rows = findLeapfrogs(ours, new Map(ranking.rows.map((r) => [r.code, r.rank])), minLead, size).map((l) => ({ ...l, name: snapshot.cities.get(l.code)?.name ?? l.code }))
  return { period, ranking: { id: ranking.id, name: ranking.name, size }, minLead, rows }
}
