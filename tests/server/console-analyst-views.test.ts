import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { csvFileName } from '../../server/console/analyst-csv'
import { domainsView, localNationalSection, topTrendDomains, trendsSection, typesSection } from '../../server/console/analyst-domains'
import { concentrationSentences, domainsSentences, leapfrogSentences, localNationalSentences, typesSentences } from '../../server/console/analyst-findings'
import { leapfrogView } from '../../server/console/analyst-leapfrog'
import { type ActivityAnswerT, overviewView } from '../../server/console/analyst-overview'
import { rankRows, rankingState, rankingView } from '../../server/console/analyst-ranking'
import { reportView } from '../../server/console/analyst-report'
import { appliedWeightsText, weightsView } from '../../server/console/analyst-weights'
import { RawPayload, callApi } from '../../server/console/call-api'
import { barChart } from '../../server/console/charts/bar-chart'
import { quadrantChart } from '../../server/console/charts/quadrant-chart'
import { seriesTrendChart } from '../../server/console/charts/series-trend-chart'
import { trendChart } from '../../server/console/charts/trend-chart'
import { layout } from '../../server/console/layout'
import { html } from '../../server/console/html'
import type {
  DomainsAnswerT,
  IndexAnswerT,
  IndexRowT,
  LeapfrogAnswerT,
  LocalNationalAnswerT,
  TopCitiesAnswerT,
  TrendsAnswerT,
  TypesAnswerT,
  UploadSummaryT,
} from '../../src/api/stats'

// Hand-made answers of the statistics API, typed with its schemas, so the views are checked against the contract.
const period = { from: '2026-01', to: '2026-03', months: ['2026-01', '2026-02', '2026-03'], k: 10 }
const cell = (value: number | null, rank: number, suppressed = false) => ({ value, share: value === null ? 0 : 0.1, rank, suppressed })

function city(code: string, name: string, province: string, rank: number, index: number, mau: number | null, mauRank: number): IndexRowT {
  return {
    code,
    name,
    province: { code: code.slice(0, 2), name: province },
    rank,
    index,
    indicators: {
      value: cell(120 - rank, rank),
      stars: cell(4.5 - rank / 10, rank),
      mau: mau === null ? cell(null, mauRank, true) : cell(mau, mauRank),
      returnRate: cell(0.3, 1),
      failureRate: cell(0.012, 1),
      richness: cell(0.81, 1),
    },
    flags: [],
  }
}

const equalWeights = { source: 'equal' as const, id: null, experts: 0, values: { value: 1 / 6, stars: 1 / 6, mau: 1 / 6, returnRate: 1 / 6, failureRate: 1 / 6, richness: 1 / 6 } }
const index: IndexAnswerT = {
  ...period,
  level: 'city',
  weights: { ...equalWeights, applied: equalWeights.values, omitted: [] },
  note: '故障率以可用率（1 − 故障率）计入份额',
  concentration: { top10: 13.51, top50: 37.4 },
  rows: [
    city('440300', '深圳', '广东省', 1, 2.3041, 52000, 1),
    city('440100', '广州', '广东省', 2, 2.1692, 48000, 2),
    city('430100', '长沙', '湖南省', 3, 1.3997, 21000, 3),
    city('510400', '攀枝花', '四川省', 4, 0.0123, null, 4),
  ],
}
const provinces: IndexAnswerT = {
  ...index,
  level: 'province',
  concentration: { top10: 71.25, top50: 100 },
  rows: [city('44', '广东省', '广东省', 1, 9.5, 100000, 1), city('43', '湖南省', '湖南省', 2, 3.1, 30000, 2)],
}

const uploads: UploadSummaryT[] = [
  { id: 3, kind: 'weights', name: '专家组 A', uploadedAt: '2026-04-02 10:00:00+08', rows: 5, unknown: [], unmatched: [], unlisted: [], weights: { value: 0.2, stars: 0.15, mau: 0.25, returnRate: 0.15, failureRate: 0.1, richness: 0.15 } },
  { id: 4, kind: 'ranking', name: '互联网+ 2016', uploadedAt: '2026-04-03 10:00:00+08', rows: 98, unknown: ['不存在市'], unmatched: [{ line: 5, written: '不存在市', suggestions: [] }], unlisted: [], weights: null },
]

const SCRIPT = '<script>alert(1)</script>'
const domains: DomainsAnswerT = {
  ...period,
  rows: [
    { domain: 'traffic', label: '交管', mau: 15000, share: 0.15, returnRate: 0.42, richness: 30, cities: 300, quadrant: 1 },
    { domain: 'medical', label: '医疗', mau: 9000, share: 0.09, returnRate: 0.12, richness: 20, cities: 200, quadrant: 4 },
    { domain: 'weather', label: SCRIPT, mau: 3000, share: 0.03, returnRate: 0.5, richness: 3, cities: 90, quadrant: 2 },
    { domain: 'justice', label: '司法', mau: 1000, share: 0.01, returnRate: 0.05, richness: 2, cities: 40, quadrant: 3 },
    { domain: 'tax', label: '税务', mau: null, share: null, returnRate: null, richness: 1, cities: 0, quadrant: null },
  ],
  top10Share: 0.661,
  medians: { mau: 6000, returnRate: 0.27 },
}
const types: TypesAnswerT = {
  ...period,
  rows: [
    { type: 'government', label: '政务办事', users: 26710, returning: 2644, share: 0.2671, returningShare: 0.099, returnRate: 0.099 },
    { type: 'life', label: '生活服务', users: 34540, returning: 2000, share: 0.3454, returningShare: 0.058, returnRate: 0.058 },
    { type: 'vehicle', label: '车辆服务', users: 22330, returning: 2456, share: 0.2233, returningShare: 0.11, returnRate: 0.11 },
    { type: 'travel', label: '交通出行', users: null, returning: null, share: null, returningShare: null, returnRate: null },
  ],
}
const localNational: LocalNationalAnswerT = {
  ...period,
  local: { users: 61600, returning: 6776, share: 0.616, returningShare: 0.11, returnRate: 0.112, services: 200, perService: 308, returningBase: { returning: 80000, actives: 727000, lastMonth: 714000 } },
  national: { users: 38400, returning: 3000, share: 0.384, returningShare: 0.078, returnRate: 0.08, services: 293, perService: 131, returningBase: { returning: 36000, actives: 461000, lastMonth: 450000 } },
  perServiceRatio: 2.36,
}
const topCities: TopCitiesAnswerT = {
  ...period,
  domains: [
    { domain: 'traffic', label: '交管', cities: [{ rank: 1, code: '440300', name: '深圳', mau: 900 }, { rank: 2, code: '440100', name: '广州', mau: 800 }] },
    { domain: 'medical', label: '医疗', cities: [{ rank: 1, code: '440300', name: '深圳', mau: 500 }] },
  ],
}
// Seven domains with data: the six largest over the three months are drawn, 司法 (smallest) is not; 税务's February is withheld, 交通出行 has no figure in March.
const trends: TrendsAnswerT = {
  ...period,
  rows: [
    {
      month: '2026-02',
      actives: 1300,
      returnRate: 0.3167,
      flags: [],
      types: { life: 34100, government: 26200, vehicle: 22000, travel: 17400 },
      domains: { traffic: 15100, medical: 9100, tax: null, utilities: 4100, education: 2300, culture: 2050, justice: 1000 },
    },
    {
      month: '2026-01',
      actives: 1200,
      returnRate: null,
      flags: [],
      types: { life: 33870, government: 25990, vehicle: 21760, travel: 17230 },
      domains: { traffic: 14800, medical: 8900, tax: 5200, utilities: 4000, education: 2200, culture: 2100, justice: 1100 },
    },
    {
      month: '2026-03',
      actives: 1500,
      returnRate: 0.3333,
      flags: [],
      types: { life: 35650, government: 27940, vehicle: 23230, travel: null },
      domains: { traffic: 15300, medical: 9000, tax: 5400, utilities: 4200, education: 2500, culture: 1990, justice: 1200 },
    },
  ],
}
const leapfrog: LeapfrogAnswerT = {
  ...period,
  ranking: { id: 4, name: '互联网+ 2016', size: 100 },
  minLead: 10,
  rows: [
    { code: '430100', name: '长沙', ourRank: 3, theirRank: 15, lead: 12, unrankedThere: false },
    { code: '510400', name: '攀枝花', ourRank: 40, theirRank: 101, lead: 61, unrankedThere: true },
  ],
}
const ok = <T>(data: T) => ({ ok: true as const, status: 200, data })

/** The row of a table whose header cell or first cells name this place. */
const rowOf = (out: string, name: string) => new RegExp(`<tr>(?:(?!</tr>).)*>${name}<(?:(?!</tr>).)*</tr>`, 's').exec(out)?.[0] ?? ''

describe('ranking', () => {
  const state = rankingState({})

  it('shows the index to four decimals and every indicator with its rank; a suppressed cell says 已抑制, never 0', () => {
    const out = rankingView(index, uploads, state).value
    expect(rowOf(out, '深圳')).toContain('<td class="num">2.3041</td>')
    expect(rowOf(out, '深圳')).toContain('52,000<br><span class="hint">第 1 名</span>')
    const panzhihua = rowOf(out, '攀枝花')
    expect(panzhihua).toContain('已抑制')
    expect(panzhihua).toContain('title="少于 10 人的数字')
    expect(panzhihua).not.toMatch(/<td>0<br>/)
    expect(out).toContain('前 10 名合计占全国总指数的 13.51%，前 50 名占 37.40%')
    expect(out).toContain('「已抑制」：少于 10 人的数字')
  })

  it('sorts by any column (withheld values last either way) and filters by city or province name', () => {
    const names = (rows: IndexRowT[]) => rows.map((r) => r.name)
    expect(names(rankRows(index.rows, { q: '', sort: 'mau', order: 'asc' }))).toEqual(['长沙', '广州', '深圳', '攀枝花'])
    expect(names(rankRows(index.rows, { q: '', sort: 'mau', order: 'desc' }))).toEqual(['深圳', '广州', '长沙', '攀枝花'])
    expect(names(rankRows(index.rows, { q: '', sort: 'index', order: 'asc' }))).toEqual(['攀枝花', '长沙', '广州', '深圳'])
    expect(names(rankRows(index.rows, { q: '广东', sort: 'index', order: 'desc' }))).toEqual(['深圳', '广州'])
    expect(names(rankRows(index.rows, { q: '长沙', sort: 'index', order: 'desc' }))).toEqual(['长沙'])
    const filtered = rankingView(index, uploads, rankingState({ q: '广东' })).value
    expect(filtered).toContain('显示 2 / 4 个城市（名称含「广东」）')
    expect(filtered).not.toContain('长沙')
  })

  it('the sorted column header says so (aria-sort) and links to the reverse order; the CSV link carries the period shown', () => {
    const out = rankingView(index, uploads, rankingState({ sort: 'mau', from: '2026-01' })).value
    expect(out).toMatch(/<th scope="col" aria-sort="descending"><a href="\/console\/analyst\/ranking\?level=city&amp;sort=mau&amp;order=asc&amp;from=2026-01">月活跃用户数 ↓<\/a><\/th>/)
    expect(out).toContain('<th scope="col"><a href="/console/analyst/ranking?level=city&amp;from=2026-01">指数</a></th>')
    expect(out).toContain('href="/console/analyst/ranking.csv?level=city&amp;from=2026-01&amp;to=2026-03"')
  })

  it('unknown choices in a hand-edited URL fall back to the defaults', () => {
    expect(rankingState({ level: 'planet', sort: 'x', order: 'up', q: ['深', '广'] })).toEqual({ level: 'city', weights: 'equal', q: '深', sort: 'index', order: 'desc' })
  })
})

describe('weights', () => {
  it('names the table used and the weights as applied, with the indicators left out for want of data', () => {
    const weights = { source: 'experts' as const, id: 3, experts: 5, values: uploads[0]!.weights!, applied: { value: 0.25, stars: 0.2, mau: 0.3, richness: 0.25 }, omitted: ['returnRate', 'failureRate'] }
    const text = appliedWeightsText(weights, uploads)
    expect(text).toContain('专家打分表「专家组 A」（5 位专家）')
    expect(text).toContain('月活跃用户数 30.0%')
    expect(text).toContain('未计入的指标：回流率、故障率')
    expect(text).not.toContain('回流率 ')
  })

  it('lists equal weights and every uploaded table, and keeps what was typed when the API refuses an upload', () => {
    const error = { code: 'CSV_INVALID', message: '文件未导入', details: [{ path: 'body', message: '第 2 行「回流率」须为 1 到 5 的整数' }] }
    const out = weightsView(uploads, { draft: { name: '专家组 <B>', text: '专家,value\n甲,9', error } }).value
    expect(out).toContain('<td>等权重（默认）</td>')
    expect(out).toContain('<td>20.0%</td>')
    expect(out).toContain('第 2 行「回流率」须为 1 到 5 的整数')
    expect(out).toContain('value="专家组 &lt;B&gt;"')
    expect(out).toContain('>\n专家,value\n甲,9</textarea>')
  })
})

describe('leapfrog', () => {
  it('shows the cities with the lead, an unranked city as counted below the list, and the import notice', () => {
    const out = leapfrogView({ uploads, leapfrog: ok(leapfrog), state: { minLead: 10, weights: 'equal', uploaded: 4 }, draft: { name: '', text: '' } }).value
    expect(out).toContain('已导入排名「互联网+ 2016」：对应到本平台 98 个城市')
    expect(out).toContain('不存在市')
    expect(out).toContain('<td>未上榜（按第 101 名计）</td>')
    expect(out).toContain('<option value="4" selected>')
    expect(out).toContain('value="10"')
  })

  it('without an imported ranking, only the explanation and the import form', () => {
    const out = leapfrogView({ uploads: [], state: { minLead: 10, weights: 'equal' }, draft: { name: 'x', text: 'rank,city' } }).value
    expect(out).toContain('还没有导入任何排名')
    expect(out).toContain('>\nrank,city</textarea>')
  })
})

describe('findings are sentences made from the numbers', () => {
  it('concentration and the leaders', () => {
    const s = concentrationSentences(index).join('')
    expect(s).toContain('共有 4 个城市参与排名')
    expect(s).toContain('排名前 10 的城市占全国总指数的 13.51%，前 50 的城市占 37.40%')
    expect(s).toContain('指数最高的是深圳（2.3041）、广州（2.1692）和长沙（1.3997）')
    // Other numbers, other sentences: nothing is written in.
    const other = concentrationSentences({ ...index, concentration: { top10: 20.5, top50: 61.25 } }).join('')
    expect(other).toContain('排名前 10 的城市占全国总指数的 20.50%，前 50 的城市占 61.25%')
    expect(concentrationSentences(provinces).join('')).toContain('排名前 10 的省份占全国总指数的 71.25%')
  })

  it('types, local vs national, domains, leapfrog', () => {
    expect(typesSentences(types).join('')).toBe(
      '从用户数看，生活服务占 34.54%，政务办事占 26.71%，车辆服务占 22.33%，交通出行已抑制（或无数据）。回流用户占比最高的是车辆服务（11.0%），其次是政务办事（9.9%）。',
    )
    const ln = localNationalSentences(localNational).join('')
    expect(ln).toContain('本地服务（市级与省级）的用户占全部用户的比例为 61.6%')
    expect(ln).toContain('平均每项本地服务的用户数是全国性服务的 2.36 倍')
    expect(ln).toContain('本地服务的回流用户占比为 11.0%')
    expect(localNationalSentences({ ...localNational, perServiceRatio: null }).join('')).toContain('用户数之比已抑制（或无数据）')
    const d = domainsSentences(domains).join('')
    expect(d).toContain('前 10 个领域合计占全部领域用户的比例为 66.1%')
    expect(d).toContain('用户最多的领域是交管，占比为 15.0%')
    expect(d).toContain('象限 I 高频大众：交管')
    expect(d).toContain('象限 IV 低频大众：医疗')
    const lf = leapfrogSentences(leapfrog).join('')
    expect(lf).toContain('领先 10 名及以上的黑马城市有 2 个')
    expect(lf).toContain('领先最多的是攀枝花：本指数第 40 名，在「互联网+ 2016」中未上榜（按第 101 名计），领先 61 名')
  })

  it('the report lays out the eight chapters from the answers, with the latest imported ranking', () => {
    const out = reportView(
      { cities: ok(index), provinces: ok(provinces), types: ok(types), localNational: ok(localNational), domains: ok(domains), topCities: ok(topCities), uploads, leapfrog: ok(leapfrog) },
      '2026-04-05T02:00:00Z',
    ).value
    for (const title of ['1 指数总体情况', '2 省级排名', '3 服务类型', '4 本地与全国服务', '5 领域分析', '6 各领域前十城市', '7 黑马城市', '8 数据说明']) expect(out).toContain(title)
    expect(out).toContain('排名前 10 的城市占全国总指数的 13.51%')
    expect(out).toContain('进入前十次数最多的城市是深圳（2 个领域）和广州（1 个领域）')
    expect(out).toContain('少于 k = 10 人的数字')
    expect(out).toContain('同一个人在两台设备上使用会计为两人')
    expect(out).toContain('生成时间：2026-04-05 10:00:00')
    expect(out.match(/<svg role="img"/g)?.length).toBe(3)
  })

  it('without an imported ranking chapter 7 says so; a failed section shows its error and the others still render', () => {
    const error = { ok: false as const, status: 500, error: { code: 'INTERNAL', message: '服务器开小差了', details: [] } }
    const out = reportView({ cities: ok(index), provinces: error, types: ok(types), localNational: ok(localNational), domains: ok(domains), topCities: ok(topCities), uploads: [] }, '2026-04-05T02:00:00Z').value
    expect(out).toContain('尚未导入其他指数的城市排名，本节从略')
    expect(out).toContain('无法读取省级指数')
    expect(out).toContain('排名前 10 的城市占全国总指数的 13.51%')
  })
})

describe('domains and types', () => {
  it('a withheld count or rate is 已抑制 in the tables, never 0', () => {
    const row = rowOf(typesSection(types).value, '交通出行')
    expect(row.match(/已抑制/g)?.length).toBe(4)
    expect(row).not.toMatch(/<td>0(\.0+%)?<\/td>/)
    expect(localNationalSection({ ...localNational, national: { ...localNational.national, users: null, share: null } }).value).toMatch(/<td>全国性服务<\/td><td>293<\/td><td><span class="suppressed"[^>]*>已抑制<\/span><\/td><td><span class="suppressed"/)
  })

  it('a request the API refused (from after to) shows its message once, not once per section', () => {
    const refused = { ok: false as const, status: 422, error: { code: 'MONTH_RANGE_INVALID', message: '结束月份早于开始月份', details: [] } }
    const out = domainsView({ domains: refused, types: refused, trends: refused, localNational: refused, topCities: refused }, undefined, {}).value
    expect(out.match(/结束月份早于开始月份/g)?.length).toBe(1)
    expect(out).not.toMatch(/at .*\.ts:\d+/)
  })
})

describe('monthly trends by service type and by domain', () => {
  const tables = (out: string) => out.split('<div class="table-wrap"').slice(1)

  it('two charts, each an <svg role="img"> with a legend of the Chinese labels and the fixture numbers in its month table', () => {
    const out = trendsSection(trends).value
    expect(out.match(/<svg role="img" aria-label="折线图：[^"]*2026-01 至 2026-03，共 3 个月/g)?.length).toBe(2)
    const [byType, byDomain] = tables(out)
    expect(byType).toContain('<th scope="col">月份</th><th scope="col">生活服务</th><th scope="col">政务办事</th><th scope="col">车辆服务</th><th scope="col">交通出行</th>')
    // Months in order whatever order the answer had.
    expect(byType!.indexOf('2026-01')).toBeLessThan(byType!.indexOf('2026-02'))
    expect(byType!.indexOf('2026-02')).toBeLessThan(byType!.indexOf('2026-03'))
    expect(rowOf(byType!, '2026-01')).toBe('<tr><td>2026-01</td><td>33,870</td><td>25,990</td><td>21,760</td><td>17,230</td></tr>')
    expect(rowOf(byDomain!, '2026-03')).toBe('<tr><td>2026-03</td><td>15,300</td><td>9,000</td><td>4,200</td><td>5,400</td><td>2,500</td><td>1,990</td></tr>')
    for (const label of ['生活服务', '政务办事', '车辆服务', '交通出行', '交管', '医疗', '税务', '生活缴费', '教育', '文化生活']) expect(out).toMatch(new RegExp(`<text[^>]*>${label}</text>`))
    expect(out).not.toContain('style="')
    expect(out).not.toContain('<style')
  })

  it('the domain chart draws the six domains with the most users over the period, and its caption says so', () => {
    // 税务's withheld February counts for nothing: 10,600 over the period, behind 生活缴费's 12,300.
    expect(topTrendDomains(trends.rows).map((d) => d.name)).toEqual(['交管', '医疗', '生活缴费', '税务', '教育', '文化生活'])
    const out = trendsSection(trends).value
    expect(out).toContain('<figcaption>用户最多的 6 个领域每月活跃用户数（按统计期内各月活跃用户数之和选取）</figcaption>')
    const byDomain = tables(out)[1]!
    expect(byDomain).toContain('<th scope="col">月份</th><th scope="col">交管</th><th scope="col">医疗</th><th scope="col">生活缴费</th><th scope="col">税务</th><th scope="col">教育</th><th scope="col">文化生活</th>')
    expect(out).not.toContain('司法')
    // A domain without any published figure is not among them; fewer domains than six, the caption says how many.
    const few = trends.rows.map((r) => ({ ...r, domains: { traffic: r.domains.traffic!, justice: null } }))
    expect(topTrendDomains(few).map((d) => d.name)).toEqual(['交管'])
    expect(trendsSection({ ...trends, rows: few }).value).toContain('用户最多的 1 个领域每月活跃用户数（按统计期内各月活跃用户数之和选取，有数据的领域只有 1 个）')
  })

  it('a withheld month is 已抑制 in the table and a gap in the line, never 0; a figure the answer lacks is 无数据', () => {
    const out = trendsSection(trends).value
    const [byType, byDomain] = tables(out)
    expect(rowOf(byType!, '2026-03')).toMatch(/<td>23,230<\/td><td><span class="suppressed"[^>]*>已抑制<\/span><\/td><\/tr>$/)
    expect(rowOf(byDomain!, '2026-02')).toMatch(/<td>9,100<\/td><td>4,100<\/td><td><span class="suppressed"[^>]*>已抑制<\/span><\/td><td>2,300<\/td>/)
    expect(rowOf(byDomain!, '2026-02')).not.toContain('<td>0</td>')
    expect(out).toContain('其中 1 个数字已抑制或无数据，线在该月断开')
    const lacking = seriesTrendChart({ caption: 't', months: ['2026-01', '2026-02'], series: [{ name: 'a', values: [5, undefined] }], valueName: '用户数', k: 10 }).value
    expect(rowOf(lacking, '2026-02')).toContain('<td>无数据</td>')
  })

  it('on the page: its own section with a CSV link of the period shown; if the trends call fails, its error there and the other sections still render', () => {
    const page = domainsView({ domains: ok(domains), types: ok(types), trends: ok(trends), localNational: ok(localNational), topCities: ok(topCities) }, undefined, {}).value
    expect(page).toContain('<h2 id="trends-title">月度趋势</h2>')
    expect(page).toContain('href="/console/analyst/trends.csv?from=2026-01&amp;to=2026-03"')
    const failed = { ok: false as const, status: 503, error: { code: 'UNAVAILABLE', message: '统计服务暂时不可用', details: [] } }
    const out = domainsView({ domains: ok(domains), types: ok(types), trends: failed, localNational: ok(localNational), topCities: ok(topCities) }, undefined, {}).value
    expect(out).toContain('<h2 id="trends-title">月度趋势</h2>')
    expect(out).toContain('无法读取月度趋势数据')
    expect(out).toContain('统计服务暂时不可用')
    expect(out).not.toContain('trends.csv')
    expect(out).toContain('各领域月活跃用户数及占比')
    expect(out).toContain('各服务类型的用户与回流用户')
    expect(out.match(/<svg role="img"/g)?.length).toBe(3)
  })
})

describe('charts (server-side SVG)', () => {
  const noInlineStyles = (svg: string) => {
    expect(svg).not.toContain('style="')
    expect(svg).not.toContain('<style')
    expect(svg).not.toContain('ecmeta_')
  }

  it('the quadrant chart: an <svg role="img"> with a name, bubbles labelled, quadrant names, and the numbers beside it', () => {
    const out = quadrantChart(domains).value
    expect(out).toMatch(/<svg role="img" aria-label="气泡图：[^"]+" focusable="false"/)
    for (const text of ['I 高频大众', 'II 高频小众', 'III 低频小众', 'IV 低频大众', '交管', '中位数']) expect(out).toContain(text)
    expect(out).toContain('<strong>I 高频大众</strong>：交管')
    expect(rowOf(out, '税务')).toContain('已抑制')
    noInlineStyles(out)
  })

  it('labels are escaped: a domain named <script> is text, in the SVG and in the table', () => {
    const out = quadrantChart(domains).value + barChart({ caption: SCRIPT, items: [{ name: SCRIPT, value: 3 }], valueName: '月活跃用户数', format: String, k: 10 }).value
    expect(out).not.toContain('<script')
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('the trend chart: two series; a withheld month is 已抑制 in its table, a month without a previous one 无数据', () => {
    const out = trendChart(
      [
        { month: '2026-01', actives: 1200, returnRate: null, suppressed: false, flags: [] },
        { month: '2026-02', actives: null, returnRate: null, suppressed: true },
        { month: '2026-03', actives: 1500, returnRate: 0.31, suppressed: false, flags: [] },
      ],
      10,
    ).value
    expect(out).toMatch(/<svg role="img" aria-label="折线图：[^"]*2026-01 至 2026-03，共 3 个月/)
    expect(out).toContain('月活跃用户数')
    expect(rowOf(out, '2026-01')).toContain('无数据')
    expect(rowOf(out, '2026-02')).toContain('已抑制')
    expect(rowOf(out, '2026-03')).toContain('31.0%')
    noInlineStyles(out)
  })

  it('the bar chart leaves withheld items out of the bars and says how many', () => {
    const out = barChart({ caption: '服务类型', items: [{ name: '车辆服务', value: 0.22 }, { name: '交通出行', value: null }], valueName: '用户占比', format: (n) => `${n * 100}%`, k: 10 }).value
    expect(out).toMatch(/<svg role="img" aria-label="条形图：服务类型，共 1 项（另有 1 项已抑制）/)
    expect(rowOf(out, '交通出行')).toContain('已抑制')
  })
})

describe('overview', () => {
  const activity: ActivityAnswerT = {
    ...period,
    scope: 'all',
    rows: [
      { month: '2026-03', actives: 1500, returning: 400, first: 100, returnRate: 0.3333, suppressed: false, flags: [] },
      { month: '2026-01', actives: 1200, returning: 0, first: 1200, returnRate: null, suppressed: false, flags: [] },
      { month: '2026-02', actives: 1300, returning: 380, first: 90, returnRate: 0.3167, suppressed: false, flags: [] },
    ],
  }

  it('headline figures of the latest month and of the index, the trend, the links', () => {
    const out = overviewView(activity, index, { from: '2026-01' }).value
    expect(out).toContain('<dt>2026-03 全国月活跃用户数</dt><dd>1,500</dd>')
    expect(out).toContain('<dt>2026-03 回流率</dt><dd>33.3%</dd>')
    expect(out).toContain('<dd>13.51%</dd>')
    expect(out).toContain('<dd>37.40%</dd>')
    expect(out).toContain('<dd>4 个</dd>')
    expect(out).toContain('<svg role="img"')
    // Links to the other pages carry only the months picked; the downloads the period shown, for their file names.
    expect(out).toContain('href="/console/analyst/report?from=2026-01"')
    expect(out).toContain('href="/console/analyst/activity.csv?from=2026-01&amp;to=2026-03"')
  })

  it('the analyst navigation has every page', () => {
    const page = layout({ title: 't', body: html``, user: { role: 'analyst', agencyId: null, tokenId: 't', label: '', agency: null }, current: '/console/analyst/ranking' }).value
    for (const text of ['概览', '城市排名', '领域与类型', '黑马城市', '专家权重', '报告']) expect(page).toContain(`>${text}</a>`)
    expect(page).toContain('<a href="/console/analyst/ranking" aria-current="page">城市排名</a>')
  })
})

describe('CSV downloads through the console', () => {
  it('only the listed tables, named by subject and period; only well-formed months reach the file name', () => {
    expect(csvFileName('ranking', { level: 'province', from: '2026-01', to: '2026-03' })).toBe('onecity-index-province-2026-01-2026-03.csv')
    expect(csvFileName('ranking', { level: '"evil', from: '2026-01', to: '2026-03"\r\nx: y' })).toBe('onecity-index-city-latest.csv')
    expect(csvFileName('top-cities', { domain: 'traffic', from: '2026-01', to: '2026-03' })).toBe('onecity-top-cities-traffic-2026-01-2026-03.csv')
    for (const what of ['uploads', 'whoami', '__proto__', 'constructor', 'toString']) expect(csvFileName(what, {})).toBeUndefined()
  })

  it('callApi sends a raw payload with its own content type and hands back a text answer as text; JSON callers are unchanged', async () => {
    const app = Fastify()
    app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body))
    app.post('/echo', async (req) => ({ type: req.headers['content-type'], body: req.body }))
    app.get('/file', async (_req, reply) => reply.type('text/csv; charset=utf-8').send('a,b\n1,2\n'))
    app.get('/bad', async (_req, reply) => reply.code(422).send({ error: { code: 'X', message: '不行', details: [] } }))
    const caller = { token: 't', address: '127.0.0.1' }
    const raw = await callApi<{ type: string; body: string }>(app, caller, 'POST', '/echo', new RawPayload('排名,城市\n1,深圳', 'text/csv; charset=utf-8'))
    expect(raw).toEqual({ ok: true, status: 200, data: { type: 'text/csv; charset=utf-8', body: '排名,城市\n1,深圳' } })
    expect((await callApi(app, caller, 'POST', '/echo', { a: 1 })).ok).toBe(true)
    expect(await callApi<string>(app, caller, 'GET', '/file')).toEqual({ ok: true, status: 200, data: 'a,b\n1,2\n' })
    expect(await callApi(app, caller, 'GET', '/bad')).toEqual({ ok: false, status: 422, error: { code: 'X', message: '不行', details: [] } })
    await app.close()
  })
})
