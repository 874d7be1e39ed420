/**
 * CSV as analysts exchange it with spreadsheets (RFC 4180), both ways.
 */

/** Leading characters a spreadsheet reads as the start of a formula. */
const FORMULA_START = /^[=+\-@]/

/**
 * Rows of fields from CSV text (RFC 4180): fields in double quotes may hold
 * commas, CR/LF and doubled quotes ("" = "); lines end in CRLF or LF; a
 * leading UTF-8 BOM is dropped; the line end after the last row adds no row,
 * nor do empty lines at the very end. An empty line elsewhere is a row of
 * one empty field. Lenient with malformed input (never throws): a stray
 * quote inside an unquoted field is kept as text, an unclosed quote runs to
 * the end of the text. Cells copied from a spreadsheet and pasted arrive
 * separated by tabs: a first line with tabs and no comma is read that way.
 */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text
  const firstLine = s.slice(0, s.search(/\r?\n|$/))
  const separator = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ','
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  // Whether the current line has anything at all (even just ""), and how many
  // blank lines came before it: blank lines at the very end are no data
  // (editors leave them), so they only become rows once a row follows them.
  let started = false
  let blanks = 0
  const endRow = () => {
    if (!started) {
      blanks++
      return
    }
    row.push(field)
    for (; blanks > 0; blanks--) rows.push([''])
    rows.push(row)
    row = []
    field = ''
    started = false
  }
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (quoted) {
      if (c !== '"') field += c
      else if (s[i + 1] === '"') {
        field += '"'
        i++
      } else quoted = false
    } else if (c === '\n' || (c === '\r' && s[i + 1] === '\n')) {
      if (c === '\r') i++
      endRow()
      continue
    } else if (c === '"' && field === '') quoted = true
    else if (c === separator) {
      row.push(field)
      field = ''
    } else field += c
    started = true
  }
  if (started) endRow()
  return rows
}

/**
 * CSV text of the rows for a spreadsheet: starts with a UTF-8 BOM (so Excel
 * reads Chinese as UTF-8), every row ends in CRLF, null is an empty field.
 * A field is quoted when it holds a comma, quote, tab or CR/LF, or when it is
 * text starting with = + - @: those get a ' in front so a spreadsheet shows
 * them as text instead of running them as a formula (CSV injection).
 * Numbers are written as they are (a negative number is not a formula).
 * A row of a single empty field is written as "" so it is not read back as a
 * blank line; a row of no fields cannot be told from one and is not expected.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const field = (value: string | number | null): string => {
    if (value === null) return ''
    if (typeof value === 'number') return String(value)
    if (FORMULA_START.test(value)) return `"'${value.replaceAll('"', '""')}"`
    return /[",\t\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
  }
  const line = (row: ReadonlyArray<string | number | null>) => {
    const text = row.map(field).join(',')
    return text === '' && row.length === 1 ? '""' : text
  }
  return '\uFEFF' + rows.map((row) => line(row) + '\r\n').join('')
}
