import { afterEach, describe, expect, it, vi } from 'vitest'

interface PrivacyConfig {
  permission?: Record<string, { desc: string }>
  requiredPrivateInfos?: string[]
}

async function appConfig(platform: string): Promise<PrivacyConfig> {
  vi.stubEnv('TARO_ENV', platform)
  vi.stubGlobal('defineAppConfig', (config: unknown) => config)
  vi.resetModules()
  return ((await import('../../../src/app.config')) as { default: PrivacyConfig }).default
}

afterEach(() => {
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
})

describe('the mini-program location declaration', () => {
  it('declares the fuzzy location and nothing precise', async () => {
    const config = await appConfig('weapp')
    expect(config.requiredPrivateInfos).toEqual(['getFuzzyLocation'])
  })

  it('explains in Chinese why the approximate location is asked for, and asks no precise scope', async () => {
    const { permission = {} } = await appConfig('weapp')
    expect(permission['scope.userFuzzyLocation']?.desc).toMatch(/城市/)
    expect(permission['scope.userLocation']).toBeUndefined()
  })
})
