import type { Snapshot } from './stats-service'

// A snapshot is cached and never changes, so its two answers are built once (warm requests only serialize).
const answers = new WeakMap<Snapshot, Map<'city' | 'province', ReturnType<typeof buildIndexAnswer>>>()

/** The index of cities or provinces as the API shows it: names beside codes, the weights used and how failure rate enters. */
export function indexAnswer(s: Snapshot, level: 'city' | 'province') {
  let byLevel = answers.get(s)
  if (!byLevel) answers.set(s, (byLevel = new Map()))
  let answer = byLevel.get(level)
  if (!answer) byLevel.set(level, (answer = buildIndexAnswer(s, level)))
  return answer
}

function buildIndexAnswer(s: Snapshot, level: 'city' | 'province') {
  const table = level === 'city' ? s.cityIndex : s.provinceIndex
  const rows = table.rows.map((r) => {
    const city = level === 'city' ? s.cities.get(r.code) : undefined
    const provinceCode = city?.provinceCode ?? r.code
    return {
      code: r.code,
      name: city?.name ?? s.provinceNames.get(r.code) ?? r.code,
      province: { code: provinceCode, name: s.provinceNames.get(provinceCode) ?? provinceCode },
      rank: r.rank,
      index: r.index,
      indicators: r.indicators,
      flags: r.flags,
    }
  })
  return {
    level,
    weights: { ...s.weights, applied: table.applied, omitted: table.omitted },
    note: '故障率以可用率（1 − 故障率）计入份额；被抑制（低于 k）或无数据的指标按 0 计入份额。Failure rate enters as availability (1 − failure rate); withheld or missing values count as 0.',
    concentration: table.concentration,
    rows,
  }
}
