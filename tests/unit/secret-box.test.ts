import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { createSecretBox, resolveDataKey } from '../../server/crypto/secret-box'

const box = createSecretBox(randomBytes(32))
const dir = mkdtempSync(join(tmpdir(), 'onecity-key-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('createSecretBox', () => {
  it('round-trips text, including Chinese and empty strings', () => {
    for (const text of ['张三', '440301199001011234', '', 'a'.repeat(1000)]) expect(box.open(box.seal(text))).toBe(text)
  })

  it('never stores the plaintext and never seals the same text the same way twice', () => {
    const a = box.seal('440301199001011234')
    const b = box.seal('440301199001011234')
    expect(a).not.toContain('440301199001011234')
    expect(a).not.toBe(b)
    expect(a).toMatch(/^v1\./)
  })

  it('refuses altered values and values sealed with another key', () => {
    const sealed = box.seal('secret')
    const parts = sealed.split('.')
    parts[3] = Buffer.from('other').toString('base64url')
    expect(() => box.open(parts.join('.'))).toThrow()
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow()
    expect(() => box.open('plain text')).toThrow(/Not a sealed value/)
  })

  it('wants a 32-byte key', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32 bytes/)
  })
})

describe('resolveDataKey', () => {
  it('uses the configured key', () => {
    const key = randomBytes(32)
    expect(resolveDataKey({ dataKey: key.toString('base64'), dataDir: dir }).equals(key)).toBe(true)
  })

  it('generates a dev key once, readable by its owner only, and reuses it', () => {
    const first = resolveDataKey({ dataDir: dir })
    expect(first).toHaveLength(32)
    expect(resolveDataKey({ dataDir: dir }).equals(first)).toBe(true)
    expect(statSync(join(dir, 'dev-data-key')).mode & 0o777).toBe(0o600)
    expect(readFileSync(join(dir, 'dev-data-key'), 'utf8').trim()).toBe(first.toString('base64'))
  })
})
