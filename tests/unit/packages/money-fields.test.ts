import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(__dirname, '../../../src')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.tsx') ? [path] : []
  })
}

/** Every <TextField …/> of a file, as its source text. */
const textFields = (source: string) => source.match(/<TextField\b[\s\S]*?\/>/g) ?? []

// An amount in 元 or 万元, or a rate: the citizen types digits and a point.
const MONEY_LABEL = /label=(?:"[^"]*(?:金额|（元）|（万元）|利率)[^"]*"|\{[^}]*(?:金额|（元）|（万元）|利率)[^}]*\})/

describe('money fields', () => {
  const fields = sources(SRC).flatMap((file) => textFields(readFileSync(file, 'utf8')).map((field) => ({ file, field })))
  const money = fields.filter(({ field }) => MONEY_LABEL.test(field))

  it('finds the amount fields of the app (withdrawal, top-up, loan calculator)', () => {
    expect(money.length).toBeGreaterThanOrEqual(4)
  })

  it('brings up the digit keyboard on every one of them', () => {
    const fullKeyboard = money.filter(({ field }) => !/type="digit"/.test(field)).map(({ file, field }) => `${file}: ${field.match(MONEY_LABEL)![0]}`)
    expect(fullKeyboard).toEqual([])
  })
})
