import { chmodSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resolveDataKey } from '../../server/crypto/secret-box'
import { openDb } from '../../server/db/open-db'
import { restrictDataDir } from '../../server/private-files'
import { writeDemoTokens } from '../../server/seed/write-demo-tokens'

/**
 * Issue 16 finding 8: the data directory is 0700 and everything in it 0600,
 * whatever the umask and whatever an earlier version left behind. (The real
 * process, with its umask, is checked in production-mode.test.ts.)
 */
const root = mkdtempSync(join(tmpdir(), 'onecity-modes-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
const mode = (path: string) => lstatSync(path).mode & 0o777
let umask: number
// The widest umask: the code, not the environment, must make the files private.
beforeEach(() => {
  umask = process.umask(0)
})
afterEach(() => {
  process.umask(umask)
})

describe('file modes', () => {
  it('the dev data key and demo-tokens.json are 0600, also over an older world-readable file', () => {
    const dir = join(root, 'keys')
    resolveDataKey({ dataDir: dir })
    expect(mode(join(dir, 'dev-data-key'))).toBe(0o600)
    expect(mode(dir)).toBe(0o700)
    writeFileSync(join(dir, 'demo-tokens.json'), '{}', { mode: 0o644 })
    const file = writeDemoTokens(dir, { operator: 'x', analyst: 'y', agencies: {} })
    expect(mode(file)).toBe(0o600)
  })

  it('opening the embedded database closes a data directory an earlier version left open', async () => {
    const dir = join(root, 'old')
    mkdirSync(join(dir, 'exports'), { recursive: true, mode: 0o755 })
    writeFileSync(join(dir, 'exports', 'x.csv'), 'a,b\n', { mode: 0o666 })
    chmodSync(dir, 0o755)
    const db = await openDb({ dataDir: dir })
    await db.close()
    expect(mode(dir)).toBe(0o700)
    expect(mode(join(dir, 'exports'))).toBe(0o700)
    expect(mode(join(dir, 'exports', 'x.csv'))).toBe(0o600)
  })

  it('leaves what a symbolic link points to alone', () => {
    const outside = join(root, 'outside.txt')
    writeFileSync(outside, 'shared\n', { mode: 0o644 })
    const dir = join(root, 'linked')
    mkdirSync(dir)
    symlinkSync(outside, join(dir, 'link'))
    restrictDataDir(dir)
    expect(mode(outside)).toBe(0o644)
  })
})
