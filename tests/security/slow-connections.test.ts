import { connect, type Socket } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import type { Db } from '../../server/db/db'
import { freshDb, testConfig } from '../server/test-app'

// Issue 16 finding 7: slow connections from one client cannot exhaust the server; /healthz stays reachable.
const SLOW = 200
const PER_ADDRESS = 50
const HEADERS_TIMEOUT_MS = 1000
const SLOW_CLIENT = '127.0.0.2'
let app: FastifyInstance
let db: Db
let port: number

beforeAll(async () => {
  db = await freshDb()
  app = await buildApp({ ...testConfig, http: { ...testConfig.http, headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: 2000, maxConnectionsPerAddress: PER_ADDRESS } }, { db })
  await app.listen({ port: 0, host: '127.0.0.1' })
  port = (app.server.address() as { port: number }).port
})
afterAll(async () => {
  await app.close()
  await db.close()
})

/** A client that opens a connection from `localAddress` and sends half a request, then nothing. */
function slowClient(localAddress: string): Promise<{ socket: Socket; closed: Promise<number> }> {
  return new Promise((resolve) => {
    const started = Date.now()
    const socket = connect({ host: '127.0.0.1', port, localAddress })
    const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now() - started)))
    socket.on('error', () => {})
    socket.on('connect', () => socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '))
    socket.on('connect', () => resolve({ socket, closed }))
    socket.on('close', () => resolve({ socket, closed }))
  })
}

const health = async () => (await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) })).status

describe('slow connections', () => {
  it(`${SLOW} slow connections from one address: over the per-address cap refused at once, /healthz answers throughout`, async () => {
    const clients = await Promise.all(Array.from({ length: SLOW }, () => slowClient(SLOW_CLIENT)))
    expect(await health()).toBe(200)
    // Over the per-address cap: closed at once.
    await new Promise((r) => setTimeout(r, 300))
    const openNow = clients.filter((c) => !c.socket.destroyed && c.socket.readyState === 'open').length
    expect(openNow).toBeLessThanOrEqual(PER_ADDRESS)
    for (const c of clients) c.socket.destroy()
    expect(await health()).toBe(200)
  }, 10_000)

  it('slow connections within the cap are answered 408 and closed once their headers are late', async () => {
    const clients = await Promise.all(Array.from({ length: 10 }, () => slowClient(SLOW_CLIENT)))
    const answers = clients.map((c) => new Promise<string>((done) => c.socket.once('data', (d) => done(String(d).split('\r\n')[0] ?? ''))))
    // Node checks the header timeout every connectionsCheckingInterval; closing, not its exact moment, is the point.
    const lifetimes = await Promise.all(clients.map((c) => c.closed))
    expect(await Promise.all(answers)).toEqual(clients.map(() => 'HTTP/1.1 408 Request Timeout'))
    expect(Math.min(...lifetimes)).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS)
    expect(await health()).toBe(200)
  }, 30_000)

  it('the limits are configured from the environment, with Node’s long defaults replaced', () => {
    expect(testConfig.http.headersTimeoutMs).toBeLessThan(60_000)
    expect(testConfig.http.requestTimeoutMs).toBeLessThan(300_000)
    expect(app.server.headersTimeout).toBe(HEADERS_TIMEOUT_MS)
  })
})
