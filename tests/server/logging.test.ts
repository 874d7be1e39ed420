import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { TEST_DATA_KEY, freshDb } from './test-app'

/** Collects every log line the app writes. */
function captureLogs() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk))
      done()
    },
  })
  return { lines, stream }
}

describe('request logging', () => {
  it('logs method and path, never the query string (coordinates, searches) or the authorization header', async () => {
    const { lines, stream } = captureLogs()
    const db = await freshDb()
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'info', ONECITY_H5_DIR: '/nonexistent', ONECITY_DATA_KEY: TEST_DATA_KEY }), { db, logStream: stream })
    await app.inject({ url: '/v1/cities/nearest?lat=22.543096&lng=114.057865', headers: { authorization: 'Bearer secret-token-123' } })
    await app.inject('/v1/cities?q=deyang')
    await app.close()
    await db.close()

    const log = lines.join('')
    expect(log).toContain('/v1/cities/nearest')
    expect(log).not.toContain('22.543096')
    expect(log).not.toContain('114.057865')
    expect(log).not.toContain('deyang')
    expect(log).not.toContain('secret-token-123')
  })
})

describe('GET /healthz', () => {
  it('answers 503 in the error body when the database is gone', async () => {
    const db = await freshDb()
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', ONECITY_H5_DIR: '/nonexistent', ONECITY_DATA_KEY: TEST_DATA_KEY }), { db })
    await db.close()
    const res = await app.inject('/healthz')
    expect(res.statusCode).toBe(503)
    expect(res.json().error.code).toBe('DATABASE_UNAVAILABLE')
    await app.close()
  })
})
