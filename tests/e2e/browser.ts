import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { type Browser, type BrowserContextOptions, type Page, chromium } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'

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

/** The real platform on a free port with its own embedded database, serving the H5 build. */
export interface Platform {
  app: FastifyInstance
  url: string
  stop(): Promise<void>
}

export async function startPlatform(): Promise<Platform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onecity-e2e-'))
  const config = loadConfig({ LOG_LEVEL: 'silent', ONECITY_DATA_DIR: dataDir, ONECITY_H5_DIR: 'dist-h5', PORT: '0' })
  const app = await buildApp(config)
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  return {
    app,
    url: address,
    async stop() {
      await app.close()
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
export function usePlatformAndBrowser(): { platform: Platform; browser: Browser } {
  const state = {} as { platform: Platform; browser: Browser }
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    state.platform = await startPlatform()
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
