import { parseCsv } from './csv'
import { type NamedPlace, type PlaceSuggestion, UNLISTED_PLACES, placeMatcher, suggestionText } from './place-names'
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

/** A row whose city matched nothing, as written, with the closest of our cities. */
export interface UnmatchedRow {
  /** The line of the file (header = 1). */
  line: number
  written: string
  suggestions: PlaceSuggestion[]
}

/** A row naming a GB/T 2260 place the platform does not list as a city (UNLISTED_PLACES): recognised, ranked, not ours. */
export interface UnlistedRow {
  line: number
  written: string
  code: string
  fullName: string
}

/** The sentence for a row that matched nothing: what was written and what it may have meant. */
export function unmatchedText(u: UnmatchedRow): string {
  const hint = u.suggestions.length > 0 ? `，是否是：${u.suggestions.map(suggestionText).join('、')}？` : '，也没有相近的城市名称'
  return `第 ${u.line} 行「${u.written}」对不上本平台的城市${hint}`
}

/**
 * Another index's city ranking, uploaded as CSV (03-index.md, leapfrog
 * cities), matched to our cities. The header marks the columns (any case):
 * rank (rank, 排名), city (city, 城市, name, code, 城市代码: a code or a
 * name as reports write it, matched by placeMatcher: 甘孜 / 甘孜州 /
 * 甘孜藏族自治州, 大兴安岭地区, 锡林郭勒盟, with or without 市, a GB/T 2260
 * code) and optionally value (index_value, value, 指数). Without a rank
 * column the value column is required and ranks by value, highest first,
 * ties sharing a rank. Ranks are over every row of the file, ours or not,
 * since a top-N list counts the cities we do not know too. A row naming a
 * county the platform does not list (UNLISTED_PLACES) is recognised and
 * listed in `unlisted`; a row that matches nothing is listed in `unmatched`
 * with the closest of our cities (and its name once in `unknown`); both are
 * left out of `rows`. The upload fails only when no row is ours, or on a
 * malformed header or cell, a city given twice or a name that fits several
 * cities (at most 50 problems are listed, then a count of the rest). Rows
 * come out by rank, then file order.
 */
export function parseExternalRanking(
  text: string,
  cities: readonly NamedPlace[],
  unlisted: readonly NamedPlace[] = UNLISTED_PLACES,
):
  | { ok: true; rows: ExternalRankingRow[]; unknown: string[]; unmatched: UnmatchedRow[]; unlisted: UnlistedRow[] }
  | { ok: false; problems: string[] } {
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

  const match = placeMatcher(cities, unlisted)
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
    const found = written === '' ? undefined : match(written)
    if (found?.kind === 'ambiguous') problems.push(`第 ${line} 行「${written}」对应多个城市（${found.codes.join('、')}），请改用城市代码`)
    const code = found?.kind === 'city' ? found.code : undefined
    const earlier = code === undefined ? undefined : firstLine.get(code)
    if (earlier !== undefined) problems.push(`第 ${line} 行与第 ${earlier} 行是同一个城市「${byCode.get(code!)!.name}」，每个城市只能出现一次`)
    else if (code !== undefined) firstLine.set(code, line)
    return { line, written, code, found, rank: Number(rankText), value }
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
  const unmatched = parsed.flatMap((p) => (p.found?.kind === 'none' ? [{ line: p.line, written: p.written, suggestions: p.found.suggestions }] : []))
  if (rows.length === 0) {
    const listed = unmatched.slice(0, MAX_PROBLEMS - 1).map(unmatchedText)
    return { ok: false, problems: ['没有一行对得上本平台的城市：请检查城市列写的是城市名称（如「深圳」「甘孜州」「大兴安岭地区」）或 6 位城市代码', ...listed] }
  }
  return {
    ok: true,
    rows,
    unknown: [...new Set(unmatched.map((u) => u.written))],
    unmatched,
    unlisted: parsed.flatMap((p) => (p.found?.kind === 'unlisted' ? [{ line: p.line, written: p.written, code: p.found.code, fullName: p.found.fullName }] : [])),
  }
}
