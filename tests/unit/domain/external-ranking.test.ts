import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import cities from '../../../server/reference/cities.json'
import { parseExternalRanking } from '../../../src/domain/external-ranking'
import { concentration } from '../../../src/domain/smart-index'

const report2016 = readFileSync(new URL('../../../server/reference/internet-plus-2016-city-top100.csv', import.meta.url), 'utf8')

// Made up: one full name, one short name, one with both, one the file lacks.
const OURS = [
  { code: '440300', name: '深圳市' },
  { code: '440100', name: '广州' },
  { code: '430100', name: '长沙', fullName: '长沙市' },
  { code: '513300', name: '甘孜', fullName: '甘孜藏族自治州' },
]

const problemsOf = (text: string, list = OURS) => {
  const result = parseExternalRanking(text, list)
  if (result.ok) throw new Error('expected problems')
  return result.problems
}

describe('parseExternalRanking', () => {
  it('the 2016 report’s top 100 against a made-up list: 深圳 matches 深圳市, the rest are unknown', () => {
    const result = parseExternalRanking(report2016, OURS)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.rows).toEqual([
      { code: '440300', name: '深圳市', rank: 1, value: 2.3041 },
      { code: '440100', name: '广州', rank: 2, value: 2.1692 },
      { code: '430100', name: '长沙', rank: 3, value: 1.3997 },
    ])
    // 96 of our cities, and the 4 Hainan counties recognised as places we do not list.
    expect(result.unknown).toHaveLength(93)
    expect(result.unknown.slice(0, 3)).toEqual(['佛山', '北京', '上海']) // as written, in file order
    expect(result.unlisted.map((u) => u.code)).toEqual(['469022', '469021', '469023', '469024'])
  })

  it('the 2016 report’s top 100 against all our cities: 96 match, the 4 Hainan counties are recognised as not listed, none unknown, top 10 = 13.51, top 50 = 37.40', () => {
    const result = parseExternalRanking(report2016, cities)
    if (!result.ok) throw new Error(result.problems.join('\n'))
    expect(result.rows).toHaveLength(96)
    expect(result.unknown).toEqual([])
    expect(result.unlisted.map((u) => `${u.written} ${u.fullName} ${u.code}`)).toEqual(['屯昌 屯昌县 469022', '定安 定安县 469021', '澄迈 澄迈县 469023', '临高县 临高县 469024'])
    expect(result.rows[0]).toEqual({ code: '440300', name: '深圳', rank: 1, value: 2.3041 })
    const values = result.rows.map((r) => r.value!)
    expect(concentration(values, 10).toFixed(2)).toBe('13.51')
    expect(concentration(values, 50).toFixed(2)).toBe('37.40')
  })

  it('Chinese headers, a code in the city column, names with 市 added or removed, no value column', () => {
    const result = parseExternalRanking('排名,城市\n1,440300\n2,广州市\n5,长沙市\n7,甘孜藏族自治州\n', OURS)
    expect(result).toEqual({
      ok: true,
      rows: [
        { code: '440300', name: '深圳市', rank: 1, value: null },
        { code: '440100', name: '广州', rank: 2, value: null },
        { code: '430100', name: '长沙', rank: 5, value: null },
        { code: '513300', name: '甘孜', rank: 7, value: null },
      ],
      unknown: [],
      unmatched: [],
      unlisted: [],
    })
  })

  it('ranks by value, highest first, ties sharing a rank, counting rows of unknown cities', () => {
    const result = parseExternalRanking('城市代码,指数\n上海,9\n440300,3.5\n广州,7\n长沙,3.5\n', OURS)
    expect(result).toEqual({
      ok: true,
      rows: [
        { code: '440100', name: '广州', rank: 2, value: 7 },
        { code: '440300', name: '深圳市', rank: 3, value: 3.5 },
        { code: '430100', name: '长沙', rank: 3, value: 3.5 },
      ],
      unknown: ['上海'],
      unmatched: [{ line: 2, written: '上海', suggestions: [] }],
      unlisted: [],
    })
  })

  it('with a rank column, the value is optional and the file’s ranks are kept (ties too), sorted by rank', () => {
    const result = parseExternalRanking('Name,Rank,Value,note\n长沙,2,,x\n深圳,2,1.5,\n广州,1,2,', OURS)
    expect(result.ok && result.rows.map((r) => [r.name, r.rank, r.value])).toEqual([
      ['广州', 1, 2],
      ['长沙', 2, null],
      ['深圳市', 2, 1.5],
    ])
  })

  it('names as reports write them: 州 short forms, 地区, 盟, with or without 市, a province in front, pinyin, 12-digit codes', () => {
    const written = ['甘孜州', '甘孜藏族自治州', '恩施州', '恩施土家族苗族自治州', '延边州', '延边朝鲜族自治州', '大兴安岭地区', '大兴安岭', '锡林郭勒盟', '锡林郭勒', '兴安盟',
      '阿克苏地区', '湘西州', '深圳市', '深圳', '四川省甘孜州', '四川甘孜', '湖北恩施州', 'Shenzhen', 'SHEN ZHEN', '513300000000', '２３２７００', '日喀则地区', '襄樊']
    const result = parseExternalRanking(['rank,city', ...written.map((w, i) => `${i + 1},${w}`)].join('\n'), cities)
    // The same city twice is a problem, so check each spelling on its own.
    for (const w of written) {
      const one = parseExternalRanking(`rank,city\n1,${w}`, cities)
      expect(one.ok && one.rows.length, w).toBe(1)
    }
    expect(result.ok).toBe(false)
    const one = (w: string) => {
      const r = parseExternalRanking(`rank,city\n1,${w}`, cities)
      return r.ok ? r.rows[0]!.code : r.problems
    }
    expect(['甘孜州', '甘孜藏族自治州', '四川省甘孜州', '四川甘孜', '513300000000'].map(one)).toEqual(Array(5).fill('513300'))
    expect(['恩施州', '湖北恩施州'].map(one)).toEqual(['422800', '422800'])
    expect([one('延边州'), one('大兴安岭地区'), one('锡林郭勒盟'), one('Shenzhen'), one('２３２７００'), one('襄樊')]).toEqual(['222400', '232700', '152500', '440300', '232700', '420600'])
  })

  it('a name that matches nothing comes with the closest of our cities; a county code with the prefecture it lies in', () => {
    const result = parseExternalRanking('rank,city\n1,深圳\n2,甘兹州\n3,恩旋\n4,513322\n5,Shenzen\n6,不存在的地方', cities)
    if (!result.ok) throw new Error(result.problems.join('\n'))
    const byLine = Object.fromEntries(result.unmatched.map((u) => [u.written, u.suggestions.map((s) => s.code)]))
    expect(byLine['甘兹州']![0]).toBe('513300')
    expect(byLine['恩旋']![0]).toBe('422800')
    expect(byLine['513322']![0]).toBe('513300')
    expect(byLine['Shenzen']![0]).toBe('440300')
    expect(byLine['不存在的地方']).toEqual([])
    expect(result.unmatched.map((u) => u.line)).toEqual([3, 4, 5, 6, 7])
    expect(result.unmatched[0]!.suggestions[0]).toEqual({ code: '513300', name: '甘孜', fullName: '甘孜藏族自治州' })
  })

  it('unknown cities and unknown codes are listed once each, not a failure', () => {
    const result = parseExternalRanking('rank,city\n1,深圳\n2,火星\n3,火星\n4,999999', OURS)
    expect(result.ok && result.unknown).toEqual(['火星', '999999'])
  })

  it('fails when no row is ours', () => {
    expect(problemsOf('rank,city\n1,火星\n2,月球')).toEqual([
      '没有一行对得上本平台的城市：请检查城市列写的是城市名称（如「深圳」「甘孜州」「大兴安岭地区」）或 6 位城市代码',
      '第 2 行「火星」对不上本平台的城市，也没有相近的城市名称',
      '第 3 行「月球」对不上本平台的城市，也没有相近的城市名称',
    ])
    // A near miss in a file of nothing but misses says what it may have meant.
    expect(problemsOf('rank,city\n1,甘兹州', cities)[1]).toMatch(/^第 2 行「甘兹州」对不上本平台的城市，是否是：甘孜（甘孜藏族自治州，513300）/)
  })

  it('an empty file, a header only', () => {
    expect(problemsOf('')).toEqual(['文件是空的：第一行须为表头（排名、城市，可加指数），其后每个城市一行'])
    expect(problemsOf('rank,city\n')).toEqual(['没有数据：表头之后至少需要一行'])
  })

  it('header problems: no city column, neither rank nor value, a column twice', () => {
    expect(problemsOf('rank,index_value\n1,2')).toEqual(['表头缺少城市列（city、城市、name、code、城市代码 之一）'])
    expect(problemsOf('city,score\n深圳,2')).toEqual(['表头须有排名列（rank、排名）或指数列（index_value、value、指数）'])
    expect(problemsOf('rank,city,城市代码\n1,深圳,440300')).toEqual(['表头有 2 列都是城市（第 2、3 列），只能有一列'])
  })

  it('cell problems by row: no city, a bad rank, a bad value, no value to rank by', () => {
    expect(problemsOf('rank,city,value\n1,,1\n0,深圳,1\n2.5,广州,x\n3,长沙,')).toEqual([
      '第 2 行没有填城市',
      '第 3 行排名须为正整数，现在是「0」',
      '第 4 行排名须为正整数，现在是「2.5」',
      '第 4 行指数须为数字，现在是「x」',
    ])
    expect(problemsOf('city,value\n深圳,1\n广州,')).toEqual(['第 3 行没有指数，无法据以排名'])
  })

  it('the same city twice, even spelled differently', () => {
    expect(problemsOf('rank,city\n1,深圳\n2,广州\n3,深圳市')).toEqual(['第 4 行与第 2 行是同一个城市「深圳市」，每个城市只能出现一次'])
  })

  it('a name that fits two of our cities asks for the code', () => {
    const twins = [...OURS, { code: '999901', name: '长沙' }]
    expect(problemsOf('rank,city\n1,长沙', twins)).toEqual(['第 2 行「长沙」对应多个城市（430100、999901），请改用城市代码'])
    expect(parseExternalRanking('rank,city\n1,430100', twins).ok).toBe(true)
  })

  it('a wholly wrong file lists 50 problems and counts the rest', () => {
    const problems = problemsOf(['rank,city', ...Array.from({ length: 60 }, () => 'x,')].join('\n'))
    expect(problems).toHaveLength(51)
    expect(problems[50]).toBe('另有 70 处问题未列出')
  })
})
