import { afterEach, describe, expect, it, vi } from 'vitest'
import { CASHIER_PAGE } from '../../../src/services/routes'

/** The page list app.config.ts gives Taro for a platform. */
async function appPages(platform: string): Promise<string[]> {
  vi.stubEnv('TARO_ENV', platform)
  vi.stubGlobal('defineAppConfig', (config: unknown) => config)
  vi.resetModules()
  const { default: config } = (await import('../../../src/app.config')) as { default: { pages: string[]; subPackages: { root: string; pages: string[] }[] } }
  return [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))].map((page) => `/${page}`)
}

afterEach(() => {
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
})

describe('the simulated WeChat Pay cashier', () => {
  it('is a page of the H5 app, where there is no wallet', async () => {
    expect(await appPages('h5')).toContain(CASHIER_PAGE)
  })

  it('is not a page of the mini-program, which pays with WeChat Pay itself', async () => {
    const pages = await appPages('weapp')
    expect(pages).not.toContain(CASHIER_PAGE)
    expect(pages).toContain('/packages/pay/pages/payments/index')
  })
})
