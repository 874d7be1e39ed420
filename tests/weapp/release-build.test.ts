import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'acorn'
import { beforeAll, describe, expect, it } from 'vitest'
import { allPages, assertWeappBuilt, filesWithExtension, readAppJson, WEAPP_DIST } from './weapp-build'

interface ProjectConfig {
  setting: { es6: boolean; minified: boolean }
}

const projectConfig = (dir: string) => JSON.parse(readFileSync(join(dir, 'project.config.json'), 'utf8')) as ProjectConfig

beforeAll(assertWeappBuilt)

describe('the weapp build is what its project.config.json declares, and fit to submit', () => {
  it('says es6: false (WeChat runs the code as it is), and every JavaScript file of the build is ES5', () => {
    for (const config of [projectConfig('.'), projectConfig(WEAPP_DIST)]) expect(config.setting.es6).toBe(false)
    const notEs5 = filesWithExtension(WEAPP_DIST, '.js').flatMap((file) => {
      try {
        parse(readFileSync(join(WEAPP_DIST, file), 'utf8'), { ecmaVersion: 5, sourceType: 'script' })
        return []
      } catch (error) {
        return [`${file}: ${(error as Error).message}`]
      }
    })
    expect(notEs5).toEqual([])
  })

  it('asks WeChat to minify what it uploads', () => {
    for (const config of [projectConfig('.'), projectConfig(WEAPP_DIST)]) expect(config.setting.minified).toBe(true)
  })

  it('has no simulated page: the simulated WeChat Pay cashier (模拟微信支付) is H5 only', () => {
    expect(allPages(readAppJson(WEAPP_DIST)).filter((page) => page.includes('cashier'))).toEqual([])
    const files = [...filesWithExtension(WEAPP_DIST, '.js'), ...filesWithExtension(WEAPP_DIST, '.json'), ...filesWithExtension(WEAPP_DIST, '.wxml')]
    expect(files.filter((file) => readFileSync(join(WEAPP_DIST, file), 'utf8').includes('模拟微信支付'))).toEqual([])
  })
})
