import { parseCsv } from './csv'
import { INDICATOR_LABELS } from './indicator-labels'
import { likeness } from './likeness'
import { INDICATORS, type Indicator, expertWeights } from './smart-index'

/** At most this many experts (data rows) in one upload. */
const MAX_EXPERTS = 1000
/** Problems beyond this many are summed up in one line: a wholly wrong file should not list thousands. */
const MAX_PROBLEMS = 50

/**
 * Other names reports and analysts give the indicators (besides the key and
 * INDICATOR_LABELS): the 2016 report's shorter forms and the English terms.
 */
const INDICATOR_ALIASES: Record<Indicator, readonly string[]> = {
  value: ['服务项目价值', '服务价值', '项目价值', 'service value'],
  stars: ['服务质量星级', '质量星级', '星级', '服务质量', 'quality stars', 'stars'],
  mau: ['月活跃用户数', '月活跃用户', '月活', '月活用户数', 'monthly active users'],
  returnRate: ['回流率', '用户回流率', 'return rate'],
  failureRate: ['故障率', '服务故障率', 'failure rate'],
  richness: ['重点行业丰富度', '行业丰富度', '丰富度'],
}

/** A header as compared: NFKC (full-width letters as ASCII), no spaces, lower case. */
const headerKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase()

/** The indicator a header names: its key (any case), its Chinese name or another name reports use (INDICATOR_ALIASES); undefined if none. */
function indicatorOf(header: string): Indicator | undefined {
  const h = headerKey(header)
  if (h === '') return undefined
  return INDICATORS.find((j) => headerKey(j) === h || headerKey(INDICATOR_LABELS[j]) === h || INDICATOR_ALIASES[j].some((a) => headerKey(a) === h))
}

/** The indicator whose names are most like a header that names none (at least half alike), for "是否是" hints. */
function closestIndicator(header: string): Indicator | undefined {
  const h = headerKey(header)
  let best: { j: Indicator; score: number } | undefined
  for (const j of INDICATORS) {
    for (const name of [j, INDICATOR_LABELS[j], ...INDICATOR_ALIASES[j]]) {
      const score = likeness(h, headerKey(name))
      if (score >= 0.5 && (!best || score > best.score)) best = { j, score }
    }
  }
  return best?.j
}

/**
 * An analyst's expert score table (03-index.md) read from CSV: a header row
 * whose first column is the expert's name (any header text but an
 * indicator's), then one column per indicator, each exactly once, in any
 * order, headed by its key (value, stars, mau, returnRate, failureRate,
 * richness; any case), its Chinese name (INDICATOR_LABELS) or another name
 * reports use (INDICATOR_ALIASES: 月活, 星级, MAU ...), an unknown header
 * answered with the closest indicator; then one row
 * per expert, 1 to 1000 of them, each score an integer 1–5. Blank rows are
 * skipped. On success, the scores in row order and the weights
 * α = expertWeights(scores); otherwise the problems found (at most 50 and a
 * count of the rest), as Chinese sentences naming the row (as a spreadsheet
 * numbers it, header = 1) and column and saying what to fix.
 */
export function parseExpertScores(
  text: string,
): { ok: true; scores: Record<Indicator, number>[]; weights: Record<Indicator, number> } | { ok: false; problems: string[] } {
  const rows = parseCsv(text)
    .map((cells, i) => ({ line: i + 1, cells }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''))
  const [header, ...data] = rows
  if (!header) return { ok: false, problems: ['文件是空的：第一行须为表头（专家姓名，以及六个指标各一列），其后每位专家一行'] }

  const problems: string[] = []
  const columns = new Map<Indicator, number[]>()
  // A table without the name column would otherwise be reported as "missing" its first indicator.
  if (indicatorOf(header.cells[0] ?? '')) problems.push(`表头第 1 列是「${header.cells[0]!.trim()}」，但第一列应为专家姓名，指标从第 2 列开始`)
  header.cells.forEach((cell, col) => {
    if (col === 0) return
    const j = indicatorOf(cell)
    if (j) columns.set(j, [...(columns.get(j) ?? []), col])
    else if (cell.trim() !== '') {
      const near = closestIndicator(cell)
      const hint = near ? `，是否是「${INDICATOR_LABELS[near]}」？` : ''
      problems.push(`表头第 ${col + 1} 列「${cell.trim()}」不是指标名称${hint}，应为 ${INDICATORS.map((k) => INDICATOR_LABELS[k]).join('、')} 之一（或其英文键名）`)
    }
  })
  for (const j of INDICATORS) {
    const cols = columns.get(j) ?? []
    if (cols.length === 0) problems.push(`表头缺少「${INDICATOR_LABELS[j]}」列`)
    if (cols.length > 1) problems.push(`「${INDICATOR_LABELS[j]}」列出现了 ${cols.length} 次（第 ${cols.map((c) => c + 1).join('、')} 列），只能有一列`)
  }
  if (data.length === 0) problems.push('没有专家的打分：表头之后至少需要一行')
  if (data.length > MAX_EXPERTS) problems.push(`专家最多 ${MAX_EXPERTS} 位，现在有 ${data.length} 行`)
  // Scores are only worth checking once the columns are known.
  if (problems.length > 0) return { ok: false, problems }

  const scores: Record<Indicator, number>[] = []
  for (const { line, cells } of data) {
    const expert = {} as Record<Indicator, number>
    for (const j of INDICATORS) {
      const raw = (cells[columns.get(j)![0]!] ?? '').trim()
      if (/^[1-5]$/.test(raw)) expert[j] = Number(raw)
      else problems.push(`第 ${line} 行「${INDICATOR_LABELS[j]}」须为 1 到 5 的整数，现在${raw === '' ? '是空的' : `是「${raw}」`}`)
    }
    // A score under no indicator header would be silently lost.
    const stray = cells.findIndex((c, col) => col > 0 && c.trim() !== '' && !indicatorOf(header.cells[col] ?? ''))
    if (stray >= 0) problems.push(`第 ${line} 行第 ${stray + 1} 列有内容「${cells[stray]!.trim()}」，但该列没有指标表头`)
    scores.push(expert)
  }
  if (problems.length > MAX_PROBLEMS) return { ok: false, problems: [...problems.slice(0, MAX_PROBLEMS), `另有 ${problems.length - MAX_PROBLEMS} 处问题未列出`] }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scores, weights: expertWeights(scores) }
}
