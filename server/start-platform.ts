import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { type MockAgencies, startMockAgencies } from '../mock/serve'
import { pointDemoWebviewsAt } from './seed/demo-webviews'
import { type BuildOptions, buildApp } from './app'
import type { Config } from './config'
import { createSecretBox, resolveDataKey } from './crypto/secret-box'
import type { Db } from './db/db'
import { openDb } from './db/open-db'
import { findSealedSigningSecret } from './modules/agencies/repository'
import type { TypedContract } from './modules/onboarding/manifest-schema'
import { designateDemoPlatformAgencies } from './seed/designate-demo-platform-agencies'
import { fillDemoProbeHistory } from './seed/demo-probe-history'
import { onboardDemoServices } from './seed/onboard-demo'
import { demoTypedServices } from './seed/seed'
import { postThroughRoute, runSimulation } from './simulate/run-simulation'
import { writePrivateFile } from './private-files'
import { simulatedTemplates } from './modules/messages/subscribe-templates'
import { type MerchantKeys, type SimulatorKeys, generateDevWechatPayKeys } from './contracts/wechat-pay/dev-keys'

export interface RunningPlatform {
  app: FastifyInstance
  /** Base URL, e.g. http://127.0.0.1:3000 */
  url: string
  mocks?: MockAgencies
  /**
   * The simulated WeChat Pay when no merchant is configured: its test keys
   * and the merchant's (tests sign notifications and calls with them), its
   * URL and where the platform calls it
   * (`pointAt` moves that, `pointAt()` restores it: tests of an unreachable WeChat Pay).
   */
  simulatedWechatPay?: { keys: SimulatorKeys; merchant: MerchantKeys; url: string; pointAt(base?: string): void }
  /** What the first start's demo onboarding did (undefined on later starts). */
  onboarded?: { listed: string[]; failed: string[] }
  /** The first start's demo year (probe history, then simulated usage), running in the background (undefined on later starts). */
  demoUsage?: Promise<void>
  stop(): Promise<void>
}

/**
 * The platform as `npm start` runs it: the server listening, the simulated
 * agencies of the demo on their own port (config.mockPort; they are separate
 * HTTP servers the platform reaches only over HTTP), and on the first start the
 * demo's typed-contract services onboarded through the front door.
 */
export interface StartOptions extends Omit<BuildOptions, 'db'> {
  db?: Db
  onProgress?: (line: string) => void
  /** The server listens (before the simulated agencies start and the first start's demo onboarding), so the URLs can be shown at once. */
  onListening?: (url: string) => void
  /** The simulated agencies listen at `url`. */
  onMockAgencies?: (url: string) => void
  /** How long the simulated payment agency keeps an unpaid order open (tests shorten it). */
  paymentOrderTtlMinutes?: number
}

export async function startPlatform(config: Config, options: StartOptions = {}): Promise<RunningPlatform> {
  const db = options.db ?? (await openDb(config))
  const box = createSecretBox(resolveDataKey(config))
  // Both are known only once the platform and the simulated agencies listen.
  let wechatBase = config.wechat.apiBase
  let url = ''
  const links = { wechatBase: () => wechatBase, publicUrl: () => config.citizen.publicUrl ?? url }
  // Without a real merchant, the simulated WeChat Pay on the mock host pays, with test keys made now (never stored).
  const simulatedPay = !config.wechatPay && config.mockPort !== null && config.demo ? generateDevWechatPayKeys(config.wechat.appId) : undefined
  let wechatPayBase: string | undefined
  const wechatPay = simulatedPay ? { merchant: simulatedPay.merchant, baseUrl: () => wechatPayBase } : undefined
  const app = await buildApp(config, { ...options, db, links, ...(wechatPay ? { wechatPay } : {}), reviewConcurrency: options.reviewConcurrency ?? 4 })
  if (!options.db) app.addHook('onClose', () => db.close())
  const address = await app.listen({ port: config.port, host: config.host })
  url = address.replace('0.0.0.0', '127.0.0.1')
  options.onListening?.(url)

  let mocks: MockAgencies | undefined
  let onboarded: RunningPlatform['onboarded']
  try {
    // The simulated agencies serve the demo catalog: without the demo (production) there is nothing for them to be.
    if (config.mockPort !== null && config.demo) {
      const services = await demoTypedServices(db)
      const tenants = new Map<string, TypedContract>(services.map((s) => [s.agencyId, s.contract as TypedContract]))
      const secrets = await Promise.all([...tenants.keys()].map((id) => findSealedSigningSecret(db, id)))
      mocks = await startMockAgencies({
        port: config.mockPort,
        ...(options.paymentOrderTtlMinutes !== undefined ? { paymentOrderTtlMinutes: options.paymentOrderTtlMinutes } : {}),
        tenants: [...tenants].flatMap(([agencyId, contract], i) => {
          if (!secrets[i]) return []
          // The simulated agency learns a rotated secret from the platform's record, as a real one is told by its operator.
          const latestSecret = async () => {
            const sealed = await findSealedSigningSecret(db, agencyId)
            return sealed ? box.open(sealed) : undefined
          }
          return [{ agencyId, contract, secret: box.open(secrets[i]), latestSecret }]
        }),
        // Without a configured WeChat, the simulated one logs citizens in.
        ...(config.wechat.apiBase ? {} : { wechat: { appId: config.wechat.appId, appSecret: config.wechat.appSecret, templates: simulatedTemplates(config) } }),
        ...(simulatedPay ? { wechatPay: { keys: simulatedPay.simulator } } : {}),
        webviews: true,
      })
      wechatBase ??= `${mocks.url}/wechat`
      if (simulatedPay) wechatPayBase = `${mocks.url}/wechatpay`
      await pointDemoWebviewsAt(db, mocks.url)
      options.onMockAgencies?.(mocks.url)
      const [claimed] = await db.query(`SELECT 1 FROM seeds WHERE name = 'demo-onboarding'`)
      if (!claimed) {
        options.onProgress?.(`Onboarding ${services.length} demo services through manifests and quality reviews (first start only)…`)
        onboarded = await onboardDemoServices({ baseUrl: url, db, services, endpointOf: (id) => mocks!.endpointOf(id), reviewsIdle: () => app.reviews.idle() })
        await db.query(`INSERT INTO seeds (name) VALUES ('demo-onboarding') ON CONFLICT DO NOTHING`)
      }
      await designateDemoPlatformAgencies(db, services)
    }
  } catch (err) {
    await mocks?.stop()
    await app.close()
    throw err
  }
  const demoUsage = await startDemoUsage(config, db, app, options.onProgress)
  return {
    app,
    url,
    ...(mocks ? { mocks } : {}),
    ...(simulatedPay && mocks
      ? { simulatedWechatPay: { keys: simulatedPay.simulator, merchant: simulatedPay.merchant, url: `${mocks.url}/wechatpay`, pointAt: (base?: string) => void (wechatPayBase = base ?? `${mocks!.url}/wechatpay`) } }
      : {}),
    ...(onboarded ? { onboarded } : {}),
    ...(demoUsage ? { demoUsage } : {}),
    async stop() {
      await demoUsage
      await app.close()
      await mocks?.stop()
    },
  }
}

/**
 * On the first start, the demo year (03-index.md, "Demo history"), in the
 * background behind one progress line, once per database: first twelve
 * complete months of probes of the demo services (server/seed/demo-probe-history.ts,
 * written through the prober's own recording before its first tick), then
 * simulated usage of those months and the current one (server/simulate),
 * through the platform's own usage route and ingestion, so the default
 * period of the statistics (the last 12 complete months) has every
 * indicator. The usage's ground truth goes to `<data dir>/simulation-truth.json`.
 */
async function startDemoUsage(config: Config, db: Db, app: FastifyInstance, progress?: (line: string) => void): Promise<void | undefined> {
  if (config.usage.demoCitizens === 0 || !config.demo) return undefined
  const [claimed] = await db.query(`INSERT INTO seeds (name) VALUES ('demo-usage') ON CONFLICT DO NOTHING RETURNING name`)
  if (!claimed) return undefined
  progress?.(`Simulating a year of probes and of anonymous usage by ${config.usage.demoCitizens} people in the background (first start only)…`)
  const started = Date.now()
  const intervalMs = (config.review.probeIntervalS || DEMO_PROBE_INTERVAL_S) * 1000
  return fillDemoProbeHistory(db, { intervalMs })
    .then(async (probes) => {
      const truth = await runSimulation({ db, citizens: config.usage.demoCitizens, months: 13, post: postThroughRoute(app) })
      if (!config.databaseUrl) writePrivateFile(join(config.dataDir, 'simulation-truth.json'), JSON.stringify(truth.toJSON()) + '\n')
      const s = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 1 : 0)
      if (probes.late > 0) app.log.warn({ services: probes.late }, 'demo probe history: services already probed live keep no history')
      progress?.(
        `Demo year ready (${s(Date.now() - started)} s; probes of ${probes.services} services in ${s(probes.ms)} s): the console has twelve complete months of data.`,
      )
    })
    .catch((err: unknown) => app.log.error({ err }, 'the demo year (probe history, usage simulation) failed'))
}

// With probing switched off in this process, the history is written on the default schedule.
const DEMO_PROBE_INTERVAL_S = 300
