import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { type Browser, type BrowserContextOptions, chromium } from 'playwright-core'
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
export async function startPlatform(): Promise<{ app: FastifyInstance; url: string; stop(): Promise<void> }> {
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
