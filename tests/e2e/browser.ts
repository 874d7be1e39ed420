import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { type Browser, type BrowserContextOptions, type Page, chromium } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { loadConfig } from '../../server/config'
import type { Db } from '../../server/db/db'
import { openDb } from '../../server/db/open-db'
import type { DemoTokens } from '../../server/seed/seed'
import { type RunningPlatform, startPlatform as startServerPlatform } from '../../server/start-platform'

export const PHONE = { width: 390, height: 844 }
export const SCREENSHOTS = 'tests/e2e/screenshots'

/** Debian's Chromium, headless, with no background networking (the machine's network is closed). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  })
}

/** A phone-sized context in Chinese, location permission refused unless granted. */
export function phoneContext(browser: Browser, options: BrowserContextOptions = {}) {
  return browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', ...options })
}

/** The platform as `npm start` runs it, on free ports with its own data directory, serving the H5 build. */
export interface Platform {
  app: FastifyInstance
  url: string
  /** The data directory (embedded database, dev key, demo-tokens.json). */
  dataDir: string
  /** The demo tokens the first start made, as `npm start` writes them to demo-tokens.json. */
  demoTokens: DemoTokens
  /** The platform's database, for checks on what it stored. */
  db: Db
  stop(): Promise<void>
}

/**
 * Starts the platform exactly as `npm start` does (server/start-platform.ts):
 * listening, the simulated agencies on their own port, and the demo's typed
 * services onboarded through manifests and reviews (about 20 s). Reviews use a
 * short load run and no timers, so nothing runs in the background unasked.
 */
export async function startPlatform(options: { logs?: string[] } = {}): Promise<Platform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onecity-e2e-'))
  const logs = options.logs
  const config = loadConfig({
    LOG_LEVEL: logs ? 'info' : 'silent',
    ONECITY_DATA_DIR: dataDir,
    ONECITY_H5_DIR: 'dist-h5',
    PORT: '0',
    ONECITY_MOCK_PORT: '0',
    ONECITY_REVIEW_LOAD_MS: '500',
    ONECITY_PROBE_INTERVAL_S: '0',
    ONECITY_REVIEW_INTERVAL_H: '0',
    ONECITY_DEMO_USAGE_CITIZENS: '0',
  })
  let demoTokens: DemoTokens | undefined
  let running: RunningPlatform
  const db = await openDb(config)
  try {
    running = await startServerPlatform(config, {
      db,
      ...(logs ? { logStream: new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) }) } : {}),
      onDemoTokens(tokens) {
        demoTokens = tokens
        writeFileSync(join(dataDir, 'demo-tokens.json'), JSON.stringify(tokens, null, 2) + '\n', { mode: 0o600 })
      },
    })
  } catch (err) {
    await db.close()
    rmSync(dataDir, { recursive: true, force: true })
    throw err
  }
  if (!demoTokens || running.onboarded?.failed.length) {
    await running.stop()
    await db.close()
    rmSync(dataDir, { recursive: true, force: true })
    throw new Error(demoTokens ? `demo services failed review: ${running.onboarded!.failed.join(', ')}` : 'the first start made no demo tokens')
  }
  return {
    app: running.app,
    url: running.url,
    dataDir,
    demoTokens,
    db,
    async stop() {
      await running.stop()
      await db.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** H5 pages slide in and out; the app is settled once every page Taro shows is stationed. */
export const settled = (page: Page) =>
  page.waitForFunction(() => document.querySelectorAll('.taro_page:not(.taro_page_stationed)').length === 0)

/**
 * One platform and one browser for a test file, started before its tests and
 * stopped after them. Read the fields inside tests, not at import time.
 */
export function usePlatformAndBrowser(options: { logs?: string[] } = {}): { platform: Platform; browser: Browser } {
  const state = {} as { platform: Platform; browser: Browser }
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    state.platform = await startPlatform(options)
    state.browser = await launchChromium()
  })
  afterAll(async () => {
    await state.browser?.close()
    await state.platform?.stop()
  })
  return state
}

/** Taps 同意 on the first-launch privacy notice. */
export async function agreeToPrivacy(page: Page) {
  await page.getByText('同意', { exact: true }).click()
}

/** Types into the city picker's search box and taps the city in the results. */
export async function pickCityByTyping(page: Page, typed: string, name: string) {
  const search = page.getByPlaceholder(/搜索城市/)
  await search.waitFor()
  await search.fill(typed)
  await page.locator('.city-results .city-row__name').getByText(name, { exact: true }).first().click()
}

/** A phone-sized page of the H5 app with the privacy notice agreed to and the city chosen by typing. */
export async function openAppInCity(browser: Browser, url: string, typed: string, name: string): Promise<Page> {
  const page = await (await phoneContext(browser)).newPage()
  await page.goto(url)
  await agreeToPrivacy(page)
  await pickCityByTyping(page, typed, name)
  await page.locator('.home-city-name', { hasText: name }).waitFor()
  return page
}

/** 我的, settled. */
export async function openMe(page: Page, url: string) {
  await page.goto(`${url}/#/pages/me/index`)
  await settled(page)
}

/** 我的 → 实名认证 as `person`, until it says it is done (an identity binds one account: each test's citizen is its own person). */
export async function verifyIdentity(page: Page, url: string, person: { name: string; idNumber: string }) {
  await openMe(page, url)
  await page.getByText('实名认证', { exact: true }).first().click()
  await page.getByLabel('姓名').fill(person.name)
  await page.getByLabel('身份证号').fill(person.idNumber)
  await page.getByRole('button', { name: '提交' }).click()
  await page.locator('.identity-done', { hasText: '已完成实名认证' }).waitFor()
}
