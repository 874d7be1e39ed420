import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isEngineTail } from '../../../src/domain/plate'
import { checkPlate, normalizePlate } from '../../../src/domain/plate'

const problem = (plate: string, type: string) => {
  const r = checkPlate(plate, type)
  return r.ok ? 'ok' : r.problem
}

describe('checkPlate', () => {
  it.each([
    ['川A12345', '02'], ['京N8Z9Y7', '02'], ['粤B12345', '01'], ['沪A1234挂', '15'], ['川A1234学', '16'], ['浙C12345', '07'],
    ['粤BD12345', '52'], ['粤BFA1234', '52'], ['京AA12345', '52'], ['苏E12345D', '51'], ['湘A12345F', '51'],
  ])('%s (type %s) is valid', (plate, type) => {
    expect(problem(plate, type)).toBe('ok')
  })

  it.each([
    ['川A1234', '02', 'length'], ['川A123456', '02', 'length'], ['粤BD1234', '52', 'length'], ['粤B12345', '52', 'length'],
    ['川AO1234', '02', 'letters-i-o'], ['川I12345', '02', 'letters-i-o'], ['粤BD1I345', '52', 'letters-i-o'],
    ['AA12345', '02', 'shape'], ['港A12345', '02', 'shape'], ['川112345', '02', 'shape'], ['粤BZ12345', '52', 'shape'], ['苏E1234DD', '51', 'shape'],
    ['川A12345', '99', 'type'], ['川A12345', '', 'type'],
  ])('%s (type %s) → %s', (plate, type, expected) => {
    expect(problem(plate, type)).toBe(expected)
  })

  it('normalises spaces, the separator dot and lower case', () => {
    expect(normalizePlate(' 川a·12345 ')).toBe('川A12345')
  })

  it('property: no accepted plate contains I or O after the province', () => {
    const chars = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
    fc.assert(
      fc.property(fc.constantFrom('川', '粤', '京'), fc.array(chars, { minLength: 6, maxLength: 7 }), fc.constantFrom('01', '02', '51', '52'), (p, rest, type) => {
        const plate = p + rest.join('')
        if (checkPlate(plate, type).ok) expect(/[IO]/.test(plate)).toBe(false)
      }),
    )
  })

  it('engine-number tails are 6 letters or digits', () => {
    expect(isEngineTail('12345A')).toBe(true)
    expect(isEngineTail('12345')).toBe(false)
    expect(isEngineTail('12345a')).toBe(false)
  })
})
