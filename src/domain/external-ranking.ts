import { parseCsv } from './csv'
import { ranks } from './smart-index'

/** Header names (any case) that mark each column. */
const RANK_HEADERS = ['rank', '排名']
const CITY_HEADERS = ['city', '城市', 'name', 'code', '城市代码']
const VALUE_HEADERS = ['index_value', 'value', '指数']
const MAX_PROBLEMS = 50

/** One city of the other ranking that is one of ours. */
export interface ExternalRankingRow {
  /** Our city code. */
  code: string
  /** Our name of the city. */
  name: string
  rank: number
  value: number | null
}

/** The names a city may be written as: each given name with and without a trailing 市. */
function spellings(name: string): string[] {
  const bare = name.endsWith('市') ? name.slice(0, -1) : name
  return [name, bare, bare + '市']
}

/**
 * Another index's city ranking, uploaded as CSV (03-index.md, leapfrog
 * cities), matched to our cities. The header marks the columns (any case):
 * rank (rank, 排名), city (city, 城市, name, code, 城市代码: a 6-digit code
 * or a name; a name matches a city's `name` or `fullName` exactly or with a
 * trailing 市 added or removed, so 深圳 matches 深圳市) and optionally value
 * (index_value, value, 指数). Without a rank column the value column is
 * required and ranks by value, highest first, ties sharing a rank. Ranks are
 * over every row of the file, ours or not, since a top-N list counts the
 * cities we do not know too. Rows whose city is not ours are listed in
 * `unknown` (as written, once each) and left out; the upload fails only when
 * no row is ours, or on a malformed header or cell, a city given twice or a
 * name that fits several cities (at most 50 problems are listed, then a
 * count of the rest). Rows come out by rank, then file order.
 */
export function parseExternalRanking(
  text: string,
  cities: ReadonlyArray<{ code: string; name: string; fullName?: string }>,
): { ok: true; rows: ExternalRankingRow[]; unknown: string[] } | { ok: false; problems: string[] } {
  const lines = parseCsv(text)
    .map((cells, i) => ({ line: i + 1, cells: cells.map((c) => c.trim()) }))
    .filter(({ cells }) => cells.some((c) => c !== ''))
  const [header, ...data] = lines
  if (!header) return { ok: false, problems: ['文件是空的：第一行须为表头（排名、城市，可加指数），其后每个城市一行'] }

  const problems: string[] = []
  const column = (names: string[], label: string) => {
    const found = header.cells.flatMap((h, col) => (names.includes(h.toLowerCase()) ? [col] : []))
    if (found.length > 1) problems.push(`表头有 ${found.length} 列都是${label}（第 ${found.map((c) => c + 1).join('、')} 列），只能有一列`)
    return found[0]
  }
  const rankCol = column(RANK_HEADERS, '排名')
  const cityCol = column(CITY_HEADERS, '城市')
  const valueCol = column(VALUE_HEADERS, '指数')
  if (cityCol === undefined) problems.push(`表头缺少城市列（${CITY_HEADERS.join('、')} 之一）`)
  if (rankCol === undefined && valueCol === undefined) problems.push(`表头须有排名列（${RANK_HEADERS.join('、')}）或指数列（${VALUE_HEADERS.join('、')}）`)
  if (data.length === 0) problems.push('没有数据：表头之后至少需要一行')
  if (problems.length > 0) return { ok: false, problems }

  // Every spelling of every city; a spelling two cities share cannot decide between them.
  const byName = new Map<string, Set<string>>()
  for (const city of cities) {
    for (const name of [city.name, city.fullName ?? city.name].flatMap(spellings)) byName.set(name, (byName.get(name) ?? new Set()).add(city.code))
  }
  const byCode = new Map(cities.map((c) => [c.code, c]))
  const firstLine = new Map<string, number>()

  const parsed = data.map(({ line, cells }) => {
    const written = cells[cityCol!] ?? ''
    const rankText = rankCol === undefined ? undefined : (cells[rankCol] ?? '')
    const valueText = valueCol === undefined ? '' : (cells[valueCol] ?? '')
    if (written === '') problems.push(`第 ${line} 行没有填城市`)
    if (rankText !== undefined && !/^[1-9]\d*$/.test(rankText)) problems.push(`第 ${line} 行排名须为正整数，现在是「${rankText}」`)
    const value = valueText === '' ? null : Number(valueText)
    if (value !== null && !Number.isFinite(value)) problems.push(`第 ${line} 行指数须为数字，现在是「${valueText}」`)
    if (rankCol === undefined && valueText === '') problems.push(`第 ${line} 行没有指数，无法据以排名`)
    const codes = /^\d{6}$/.test(written) ? (byCode.has(written) ? [written] : []) : [...(byName.get(written) ?? [])]
    if (codes.length > 1) problems.push(`第 ${line} 行「${written}」对应多个城市（${codes.join('、')}），请改用城市代码`)
    const code = codes.length === 1 ? codes[0]! : undefined
    const earlier = code === undefined ? undefined : firstLine.get(code)
    if (earlier !== undefined) problems.push(`第 ${line} 行与第 ${earlier} 行是同一个城市「${byCode.get(code!)!.name}」，每个城市只能出现一次`)
    else if (code !== undefined) firstLine.set(code, line)
    return { line, written, code, rank: Number(rankText), value }
  })
  // A wholly wrong file should not list thousands of lines.
  if (problems.length > MAX_PROBLEMS) return { ok: false, problems: [...problems.slice(0, MAX_PROBLEMS), `另有 ${problems.length - MAX_PROBLEMS} 处问题未列出`] }
  if (problems.length > 0) return { ok: false, problems }

  if (rankCol === undefined) {
    const byValue = ranks(new Map(parsed.map((p, i) => [String(i), p.value!])))
    for (const [i, p] of parsed.entries()) p.rank = byValue.get(String(i))!
  }
  const rows = parsed
    .filter((p) => p.code !== undefined)
    .map((p) => ({ code: p.code!, name: byCode.get(p.code!)!.name, rank: p.rank, value: p.value }))
    .sort((a, b) => a.rank - b.rank)
  if (rows.length === 0) return { ok: false, problems: ['没有一行对得上本平台的城市：请检查城市列写的是城市名称（如「深圳」或「深圳市」）或 6 位城市代码'] }
  return { ok: true, rows, unknown: [...new Set(parsed.filter((p) => p.code === undefined).map((p) => p.written))] }
}
