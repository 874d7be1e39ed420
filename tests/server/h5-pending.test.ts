import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import { freshDb, testConfig } from './test-app'

const h5Dir = mkdtempSync(join(tmpdir(), 'onecity-h5-'))
afterAll(() => rmSync(h5Dir, { recursive: true, force: true }))

it('serves a page that says the H5 app is being built until its build lands, then the app', async () => {
  const db = await freshDb()
  const app = await buildApp({ ...testConfig, h5Dir }, { db })
  try {
    const pending = await app.inject({ url: '/' })
    expect(pending.statusCode).toBe(503)
    expect(pending.headers['content-type']).toMatch(/text\/html/)
    expect(pending.headers['retry-after']).toBe('5')
    expect(pending.body).toContain('http-equiv="refresh"')
    expect(pending.body).toContain('正在构建')
    // The API answers meanwhile.
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200)

    // The build finishes while the server runs: no restart needed.
    writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>城市服务</title><div id="app"></div>')
    writeFileSync(join(h5Dir, 'app.js'), 'console.log(1)')
    const ready = await app.inject({ url: '/' })
    expect(ready.statusCode).toBe(200)
    expect(ready.body).toContain('<div id="app">')
    expect((await app.inject({ url: '/app.js' })).statusCode).toBe(200)
  } finally {
    await app.close()
    await db.close()
  }
})
