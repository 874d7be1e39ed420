import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import type { LightMyRequestResponse } from 'fastify'
import type { Config } from '../../server/config'
import type { Db } from '../../server/db/db'
import { type RunningPlatform, startPlatform } from '../../server/start-platform'
import { freshDb, testConfig } from './test-app'

/**
 * The platform as `npm start` runs it, listening on a free port with the
 * simulated agencies (identity, payment, traffic police…) and the simulated
 * WeChat on another, on a copy of the onboarded demo database. Everything
 * between them is real HTTP: the payment notify comes back over the network.
 */
export interface CitizenPlatform extends RunningPlatform {
  db: Db
  /** Every log line the platform wrote (JSON text). */
  logs: string[]
  /** A citizen logged in through the simulated WeChat, calling the API with its session. */
  citizen(): Promise<Citizen>
}

export interface Citizen {
  token: string
  call(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>
}

export async function startCitizenPlatform(overrides: Partial<Config['citizen']> = {}, options: { paymentOrderTtlMinutes?: number } = {}): Promise<CitizenPlatform> {
  const db = await freshDb()
  const logs: string[] = []
  const logStream = new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) })
  const config: Config = { ...testConfig, port: 0, mockPort: 0, logLevel: 'info', citizen: { ...testConfig.citizen, ...overrides } }
  const platform = await startPlatform(config, { db, logStream, catalogCacheMaxAgeMs: 0, ...options })
  // The dump's endpoints name the mock host of the run's first start; these mocks listen elsewhere.
  await db.query(`UPDATE services SET endpoint = $1 || '/' || agency_id WHERE contract NOT IN ('webview', 'miniprogram')`, [platform.mocks!.url])

  async function citizen(): Promise<Citizen> {
    const user = `test-${randomBytes(8).toString('hex')}`
    const { code } = (await platform.app.inject({ method: 'POST', url: '/v1/sessions/simulated-code', payload: { user } })).json()
    const session = await platform.app.inject({ method: 'POST', url: '/v1/sessions', payload: { code } })
    if (session.statusCode !== 201) throw new Error(`login failed: ${session.body}`)
    const { token } = session.json()
    return {
      token,
      call: (method, url, body) =>
        platform.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(body === undefined ? {} : { payload: body as object }) }),
    }
  }

  return {
    ...platform,
    db,
    logs,
    citizen,
    async stop() {
      await platform.stop()
      await db.close()
    },
  }
}

/** The first listed service of a typed contract (by id): the one a test talks to. */
export async function listedServiceOf(p: CitizenPlatform, contract: string): Promise<string> {
  const [row] = await p.db.query<{ id: string }>(`SELECT id FROM services WHERE contract = $1 AND status = 'listed' ORDER BY id LIMIT 1`, [contract])
  if (!row) throw new Error(`no listed ${contract} service`)
  return row.id
}
