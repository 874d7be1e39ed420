import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkIdNumber, idCheckCharacter, normalizeIdNumber } from '../../../src/domain/id-number'
import { isRealDate } from '../../../src/domain/real-date'

const TODAY = '2026-11-22'
const problem = (id: string, today = TODAY) => {
  const r = checkIdNumber(id, today)
  return r.ok ? 'ok' : r.problem
}

describe('checkIdNumber (GB 11643)', () => {
  it('accepts published examples, including the check character X', () => {
    // The example of GB 11643-1999 and the widely cited 11010519491231002X.
    expect(problem('11010519491231002X')).toBe('ok')
    expect(problem('440524188001010014', TODAY)).toBe('birth-date') // born 1880: before 1900 is refused
    expect(problem('110101200001010037')).toBe('ok')
    expect(problem('51060019850505002X')).toBe('ok')
  })

  it('knows the check character for the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 and 10X98765432', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X')
    expect(idCheckCharacter('51060019900101001')).toBe('0')
  })

  it('refuses a wrong check character, format, province, impossible or future birth dates', () => {
    expect(problem('110105194912310021')).toBe('check-character')
    expect(problem('11010519491231002x')).toBe('format')
    expect(problem('1101051949123100')).toBe('format')
    expect(problem('99010519491231002X')).toBe('province')
    expect(problem('110105194913310020')).toBe('birth-date')
    expect(problem(`110105${'20270101'}0010`.slice(0, 17) + idCheckCharacter('11010520270101001'))).toBe('future-birth')
  })

  it('29 February only in leap years', () => {
    const withDate = (ymd: string) => { const first = `110101${ymd}001`; return first + idCheckCharacter(first) }
    expect(problem(withDate('20000229'))).toBe('ok')
    expect(problem(withDate('19000229'))).toBe('birth-date')
    expect(problem(withDate('20230229'))).toBe('birth-date')
    expect(problem(withDate('20240229'))).toBe('ok')
  })

  it('normalises what people type', () => {
    expect(normalizeIdNumber(' 1101 0519 4912 3100 2x ')).toBe('11010519491231002X')
  })

  // Any real date from 1900 up to today, any valid prefix, any sequence code: the computed check character makes it valid.
  const provinces = fc.constantFrom('11', '31', '44', '51', '65', '81')
  const birthDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''))
  const valid = fc.tuple(provinces, fc.stringMatching(/^[0-9]{4}$/), birthDate, fc.stringMatching(/^[0-9]{3}$/)).map(([p, area, birth, seq]) => {
    const first = `${p}${area}${birth}${seq}`
    return first + idCheckCharacter(first)
  })

  it('property: every well-formed number with its computed check character is valid', () => {
    fc.assert(fc.property(valid, (id) => {
      expect(problem(id)).toBe('ok')
    }))
  })

  it('property: changing the check character, or any one of the 17 digits, makes it invalid', () => {
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (id, at, shift) => {
        const chars = '0123456789X'
        const was = chars.indexOf(id[at]!)
        const replaced = at === 17 ? chars[(was + shift) % 11]! : String((Number(id[at]) + shift) % 10)
        fc.pre(replaced !== id[at] && (at < 17 || replaced !== undefined))
        const changed = id.slice(0, at) + replaced + id.slice(at + 1)
        expect(problem(changed)).not.toBe('ok')
      }),
    )
  })

  it('property: a birth date after today is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), (days) => {
        const d = new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
        const first = `110101${d.replace(/-/g, '')}001`
        expect(isRealDate(d)).toBe(true)
        expect(problem(first + idCheckCharacter(first))).toBe('future-birth')
      }),
    )
  })
})
