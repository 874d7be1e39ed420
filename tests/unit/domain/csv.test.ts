import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCsv, toCsv } from '../../../src/domain/csv'

describe('parseCsv (RFC 4180)', () => {
  it('splits lines and commas', () => {
    expect(parseCsv('a,b,c\n1,2,3')).toEqual([['a', 'b', 'c'], ['1', '2', '3']])
  })

  it('accepts CRLF and LF, even mixed', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4\r\n')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']])
  })

  it('keeps a lone CR as text (only CRLF and LF end a line)', () => {
    expect(parseCsv('a\rb,c')).toEqual([['a\rb', 'c']])
  })

  it('quoted fields hold commas, doubled quotes and line breaks', () => {
    expect(parseCsv('"a,b","say ""hi""","two\r\nlines","x\ny"\n')).toEqual([['a,b', 'say "hi"', 'two\r\nlines', 'x\ny']])
  })

  it('empty fields, quoted or not', () => {
    expect(parseCsv(',,\n"",x,""')).toEqual([['', '', ''], ['', 'x', '']])
  })

  it('strips one UTF-8 BOM at the start', () => {
    expect(parseCsv('\uFEFF城市,排名\n深圳,1')).toEqual([['城市', '排名'], ['深圳', '1']])
    expect(parseCsv('\uFEFF\uFEFFa')).toEqual([['\uFEFFa']])
  })

  it('the final line break adds no row, nor do blank lines at the end', () => {
    expect(parseCsv('a\n')).toEqual([['a']])
    expect(parseCsv('a\r\n\r\n\n')).toEqual([['a']])
  })

  it('a blank line before more data is a row of one empty field', () => {
    expect(parseCsv('a\n\nb')).toEqual([['a'], [''], ['b']])
  })

  it('a quoted empty last line is a row, not a blank line', () => {
    expect(parseCsv('a\n""')).toEqual([['a'], ['']])
  })

  it('empty text has no rows', () => {
    expect(parseCsv('')).toEqual([])
    expect(parseCsv('\uFEFF')).toEqual([])
    expect(parseCsv('\n\r\n')).toEqual([])
  })

  it('is lenient with malformed quoting', () => {
    expect(parseCsv('ab"c,d')).toEqual([['ab"c', 'd']])
    expect(parseCsv('"ab"c,d')).toEqual([['abc', 'd']])
    expect(parseCsv('"open,\nstill')).toEqual([['open,\nstill']])
  })
})

describe('toCsv', () => {
  it('starts with a BOM and ends every row with CRLF', () => {
    expect(toCsv([['城市', '指数'], ['深圳', 2.3041]])).toBe('\uFEFF城市,指数\r\n深圳,2.3041\r\n')
  })

  it('null is an empty field; no rows is just the BOM', () => {
    expect(toCsv([['a', null, 'b']])).toBe('\uFEFFa,,b\r\n')
    expect(toCsv([])).toBe('\uFEFF')
  })

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(toCsv([['a,b', 'say "hi"', 'x\ny', 'x\ry', 'plain']])).toBe('\uFEFF"a,b","say ""hi""","x\ny","x\ry",plain\r\n')
  })

  it('defuses formula injection: text starting with = + - @ is quoted with a leading apostrophe', () => {
    expect(toCsv([['=SUM(A1:A9)', '+1', '-2', '@cmd', '=HYPERLINK("x")', 'a=b']])).toBe(
      '\uFEFF"\'=SUM(A1:A9)","\'+1","\'-2","\'@cmd","\'=HYPERLINK(""x"")",a=b\r\n',
    )
  })

  it('numbers are written as numbers, negative ones too', () => {
    expect(toCsv([[-3, 0, 1.5]])).toBe('\uFEFF-3,0,1.5\r\n')
  })

  it('a row of one empty field is written as "" so it reads back as a row', () => {
    expect(toCsv([['a'], [''], [null]])).toBe('\uFEFFa\r\n""\r\n""\r\n')
    expect(parseCsv(toCsv([['a'], ['']]))).toEqual([['a'], ['']])
  })
})

describe('round trip', () => {
  // Characters that matter to CSV, mixed with any others.
  const tricky = fc.constantFrom(',', '"', '\r', '\n', '\r\n', ' ', 'a', '中', '\uFEFF', "'", '=', '-')
  const text = fc.oneof(fc.string({ unit: tricky }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }))
  const safe = text.filter((s) => !/^[=+\-@]/.test(s))

  it('parseCsv(toCsv(rows)) gives the rows back (text not starting with = + - @)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(safe, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows)
      }),
    )
  })

  it('text starting with = + - @ comes back with the apostrophe in front', () => {
    fc.assert(
      fc.property(fc.constantFrom('=', '+', '-', '@'), text, (start, rest) => {
        expect(parseCsv(toCsv([[start + rest]]))).toEqual([["'" + start + rest]])
      }),
    )
  })
})

describe('parseCsv of cells pasted from a spreadsheet', () => {
  it('reads tab-separated lines when the first line has tabs and no comma', () => {
    expect(parseCsv('排名\t城市\t指数\r\n1\t深圳\t2.3041\r\n2\t广州, 番禺\t2.1692\r\n')).toEqual([
      ['排名', '城市', '指数'],
      ['1', '深圳', '2.3041'],
      ['2', '广州, 番禺', '2.1692'],
    ])
  })

  it('keeps commas as the separator when the first line has any, tabs then being text', () => {
    expect(parseCsv('a,b\n1\t2,3\n')).toEqual([['a', 'b'], ['1\t2', '3']])
  })
})

describe('toCsv and tabs', () => {
  it('quotes a field with a tab, so a first line of tabs is not read as a pasted table', () => {
    expect(toCsv([['a\tb'], ['c']])).toBe('\uFEFF"a\tb"\r\nc\r\n')
    expect(parseCsv(toCsv([['a\tb', 'x'], ['c', 'd']]).slice(1))).toEqual([['a\tb', 'x'], ['c', 'd']])
    expect(parseCsv(toCsv([['a\tb'], ['c']]).slice(1))).toEqual([['a\tb'], ['c']])
  })
})
