import { MAX_USAGE_RECORDS } from '../../../src/domain/usage-batch'
import { parseScope } from '../../../src/domain/usage-scope'
import type { ErrorDetail } from '../../errors'
import type { UsageBatchT } from '../../../src/api/usage'

/** What the server knows exists: records about anything else are refused, so nobody can fill the tables with made-up places. */
export interface KnownPlaces {
  cities: ReadonlySet<string>
  provinces: ReadonlySet<string>
  /** Re-read while the server runs: services are listed at any time. */
  services: ReadonlySet<string>
}

export interface BatchProblem extends ErrorDetail {
  code: 'BATCH_ID_REQUIRED' | 'TOO_MANY_RECORDS' | 'UNKNOWN_SCOPE' | 'MONTH_NOT_ACCEPTED' | 'IMPLAUSIBLE_RECORD' | 'UNKNOWN_CITY' | 'UNKNOWN_SERVICE'
}

const activePath = (i: number, field = '') => `body.actives[${i}]${field}`

/**
 * Every problem of a batch, checked before anything is counted (a bad batch
 * changes nothing). `month` is the server's current month: records may be for
 * it or the month before (a phone that was offline at the turn of the month),
 * never another.
 */
export function batchProblems(batch: UsageBatchT, month: string, previous: string, known: KnownPlaces): BatchProblem[] {
  const problems: BatchProblem[] = []
  const actives = batch.actives ?? []
  const events = batch.events ?? []
  if (actives.length + events.length > MAX_USAGE_RECORDS) {
    problems.push({ code: 'TOO_MANY_RECORDS', path: 'body', message: `at most ${MAX_USAGE_RECORDS} records per batch / 每批最多 ${MAX_USAGE_RECORDS} 条记录` })
  }
  if (actives.length + events.length > 0 && !batch.batch) {
    problems.push({ code: 'BATCH_ID_REQUIRED', path: 'body.batch', message: 'a batch with records needs its random batch id / 含记录的批次必须带随机批次号' })
  }
  const seen = new Set<string>()
  // Plain loops, and paths written only for a problem: this runs for every batch, and nearly every batch has none.
  for (let i = 0; i < actives.length; i++) {
    const r = actives[i]!
    const scope = parseScope(r.scope)
    if (!scope) problems.push({ code: 'UNKNOWN_SCOPE', path: activePath(i, '.scope'), message: `unknown scope ${JSON.stringify(r.scope)} / 不认识的统计范围` })
    else if ('city' in scope && scope.city !== undefined && !known.cities.has(scope.city)) problems.push({ code: 'UNKNOWN_CITY', path: activePath(i, '.scope'), message: `no city ${scope.city} / 没有这个城市` })
    else if (scope.kind === 'prov' && !known.provinces.has(scope.province)) problems.push({ code: 'UNKNOWN_SCOPE', path: activePath(i, '.scope'), message: `no province ${scope.province} / 没有这个省份` })
    else if (scope.kind === 'svc' && !known.services.has(scope.service)) problems.push({ code: 'UNKNOWN_SERVICE', path: activePath(i, '.scope'), message: `no service ${scope.service} / 没有这项服务` })
    if (r.month !== month && r.month !== previous) {
      problems.push({ code: 'MONTH_NOT_ACCEPTED', path: activePath(i, '.month'), message: `only ${month} or ${previous} are accepted now / 只接受本月或上月的记录` })
    }
    if (r.first && r.returning) problems.push({ code: 'IMPLAUSIBLE_RECORD', path: activePath(i), message: 'first use cannot also be returning / 首次使用不可能同时是回流' })
    const key = `${r.scope}|${r.month}`
    if (seen.has(key)) problems.push({ code: 'IMPLAUSIBLE_RECORD', path: activePath(i), message: 'one record per scope and month / 同一范围同一月份只能有一条记录' })
    seen.add(key)
  }
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!
    if (!known.cities.has(e.city)) problems.push({ code: 'UNKNOWN_CITY', path: `body.events[${i}].city`, message: `no city ${e.city} / 没有这个城市` })
    if (!known.services.has(e.service)) problems.push({ code: 'UNKNOWN_SERVICE', path: `body.events[${i}].service`, message: `no service ${e.service} / 没有这项服务` })
  }
  return problems
}
