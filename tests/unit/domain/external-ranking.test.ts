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
    expect(result.unknown).toHaveLength(97)
    expect(result.unknown.slice(0, 3)).toEqual(['佛山', '北京', '上海']) // as written, in file order
  })

  it('the 2016 report’s top 100 against all our cities: 96 match, the Hainan counties we do not list are unknown, top 10 = 13.51, top 50 = 37.40', () => {
    const result = parseExternalRanking(report2016, cities)
    if (!result.ok) throw new Error(result.problems.join('\n'))
    expect(result.rows).toHaveLength(96)
    expect(result.unknown).toEqual(['屯昌', '定安', '澄迈', '临高县'])
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

  it('unknown cities and unknown codes are listed once each, not a failure', () => {
    const result = parseExternalRanking('rank,city\n1,深圳\n2,火星\n3,火星\n4,999999', OURS)
    expect(result.ok && result.unknown).toEqual(['火星', '999999'])
  })

  it('fails when no row is ours', () => {
    expect(problemsOf('rank,city\n1,火星\n2,月球')).toEqual(['没有一行对得上本平台的城市：请检查城市列写的是城市名称（如「深圳」或「深圳市」）或 6 位城市代码'])
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
