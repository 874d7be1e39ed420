import { describe, expect, it } from 'vitest'
import { parseExpertScores } from '../../../src/domain/expert-scores'
import { INDICATOR_LABELS } from '../../../src/domain/indicator-labels'

const problemsOf = (text: string) => {
  const result = parseExpertScores(text)
  if (result.ok) throw new Error('expected problems')
  return result.problems
}

const CHINESE_HEADER = '专家,服务项目价值,服务质量星级,月活跃用户数,回流率,故障率,重点行业丰富度'

describe('parseExpertScores', () => {
  it('two experts with Chinese headers: the report’s α by hand (column sums 9, 6, 10, 9, 3, 3 of 40)', () => {
    const result = parseExpertScores(`${CHINESE_HEADER}\n张三,5,3,5,4,2,1\n李四,4,3,5,5,1,2\n`)
    expect(result).toEqual({
      ok: true,
      scores: [
        { value: 5, stars: 3, mau: 5, returnRate: 4, failureRate: 2, richness: 1 },
        { value: 4, stars: 3, mau: 5, returnRate: 5, failureRate: 1, richness: 2 },
      ],
      weights: { value: 9 / 40, stars: 6 / 40, mau: 10 / 40, returnRate: 9 / 40, failureRate: 3 / 40, richness: 3 / 40 },
    })
  })

  it('English keys in any case and any column order, BOM, CRLF, spaces and blank rows', () => {
    const result = parseExpertScores('\uFEFFname, richness ,FailureRate,returnrate,mau,stars,value\r\n\r\nA,1,2,3,4,5,5\r\n,,,,,,\r\n')
    expect(result).toEqual({
      ok: true,
      scores: [{ value: 5, stars: 5, mau: 4, returnRate: 3, failureRate: 2, richness: 1 }],
      weights: { value: 5 / 20, stars: 5 / 20, mau: 4 / 20, returnRate: 3 / 20, failureRate: 2 / 20, richness: 1 / 20 },
    })
  })

  it('the expert’s name may be empty and its header anything', () => {
    const result = parseExpertScores(',value,stars,mau,returnRate,failureRate,richness\n,3,3,3,3,3,3')
    expect(result.ok && result.weights.mau).toBe(1 / 6)
  })

  it('the Chinese labels are the report’s names', () => {
    expect(Object.values(INDICATOR_LABELS)).toEqual(['服务项目价值', '服务质量星级', '月活跃用户数', '回流率', '故障率', '重点行业丰富度'])
  })

  it('an empty file', () => {
    expect(problemsOf('')).toEqual(['文件是空的：第一行须为表头（专家姓名，以及六个指标各一列），其后每位专家一行'])
    expect(problemsOf('\n ,\n')).toHaveLength(1)
  })

  it('a header only: at least one expert', () => {
    expect(problemsOf(CHINESE_HEADER)).toEqual(['没有专家的打分：表头之后至少需要一行'])
  })

  it('a missing indicator column', () => {
    expect(problemsOf('专家,服务项目价值,服务质量星级,月活跃用户数,故障率,重点行业丰富度\nA,1,1,1,1,1')).toEqual(['表头缺少「回流率」列'])
  })

  it('an indicator twice, by key and by name', () => {
    expect(problemsOf(`${CHINESE_HEADER},returnRate\nA,1,1,1,1,1,1,1`)).toEqual(['「回流率」列出现了 2 次（第 5、8 列），只能有一列'])
  })

  it('an unknown header', () => {
    expect(problemsOf(`${CHINESE_HEADER},备注\nA,1,1,1,1,1,1,x`)).toEqual([
      '表头第 8 列「备注」不是指标名称，应为 服务项目价值、服务质量星级、月活跃用户数、回流率、故障率、重点行业丰富度 之一（或其英文键名）',
    ])
  })

  it('no name column: the first header is an indicator', () => {
    expect(problemsOf('服务项目价值,服务质量星级,月活跃用户数,回流率,故障率,重点行业丰富度\n1,1,1,1,1,1')).toEqual([
      '表头第 1 列是「服务项目价值」，但第一列应为专家姓名，指标从第 2 列开始',
      '表头缺少「服务项目价值」列',
    ])
  })

  it('more than 1000 experts', () => {
    const rows = Array.from({ length: 1001 }, (_, i) => `E${i},1,2,3,4,5,1`)
    expect(problemsOf([CHINESE_HEADER, ...rows].join('\n'))).toEqual(['专家最多 1000 位，现在有 1001 行'])
    expect(parseExpertScores([CHINESE_HEADER, ...rows.slice(1)].join('\n')).ok).toBe(true)
  })

  it('scores out of range, not integers, empty or missing, by row and column', () => {
    expect(problemsOf(`${CHINESE_HEADER}\nA,1,1,1,1,1,1\nB,1,2,3,6,5,4\nC,0,2.5,3.0,x,,1\nD,1,1,1,1,1`)).toEqual([
      '第 3 行「回流率」须为 1 到 5 的整数，现在是「6」',
      '第 4 行「服务项目价值」须为 1 到 5 的整数，现在是「0」',
      '第 4 行「服务质量星级」须为 1 到 5 的整数，现在是「2.5」',
      '第 4 行「月活跃用户数」须为 1 到 5 的整数，现在是「3.0」',
      '第 4 行「回流率」须为 1 到 5 的整数，现在是「x」',
      '第 4 行「故障率」须为 1 到 5 的整数，现在是空的',
      '第 5 行「重点行业丰富度」须为 1 到 5 的整数，现在是空的',
    ])
  })

  it('row numbers count blank rows and quoted line breaks as a spreadsheet does', () => {
    expect(problemsOf(`${CHINESE_HEADER}\n\n"张\n三",1,1,1,1,1,9`)).toEqual(['第 3 行「重点行业丰富度」须为 1 到 5 的整数，现在是「9」'])
  })

  it('content under no indicator header, beyond the header or under a blank one', () => {
    expect(problemsOf(`${CHINESE_HEADER}\nA,1,1,1,1,1,1,5`)).toEqual(['第 2 行第 8 列有内容「5」，但该列没有指标表头'])
    expect(problemsOf(`专家,value,,stars,mau,returnRate,failureRate,richness\nA,1,2,1,1,1,1,1`)).toEqual(['第 2 行第 3 列有内容「2」，但该列没有指标表头'])
  })

  it('a wholly wrong file lists 50 problems and counts the rest', () => {
    const rows = Array.from({ length: 20 }, () => 'E,0,0,0,0,0,0')
    const problems = problemsOf([CHINESE_HEADER, ...rows].join('\n'))
    expect(problems).toHaveLength(51)
    expect(problems[50]).toBe('另有 70 处问题未列出')
  })
})
