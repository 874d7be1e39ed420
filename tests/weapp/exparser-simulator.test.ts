// @vitest-environment jsdom
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SHENZHEN_CATALOG } from '../fixtures/shenzhen-catalog'
import { startSimulator, until, type ApiAnswer, type RenderedNode } from './exparser-simulator'
import { copyWeappBuild, readAppJson } from './weapp-build'
import { wechatCompilers } from './wechat-compilers'

const WEBVIEW_PAGE = 'packages/webview/pages/index/index'

/** The platform's API as the build calls it (http://127.0.0.1:3000): 深圳's catalog; anything else is not there. */
function api(url: string): ApiAnswer {
  const { pathname, searchParams } = new URL(url)
  if (pathname === '/v1/catalog' && searchParams.get('city') === '440300') {
    const total = [...SHENZHEN_CATALOG.local, ...SHENZHEN_CATALOG.national].reduce((n, g) => n + g.services.length, 0)
    return { statusCode: 200, data: { city: { code: '440300', name: '深圳', fullName: '深圳市' }, ...SHENZHEN_CATALOG, total } }
  }
  return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: 'Not found / 未找到' } } }
}

const attr = (node: RenderedNode, name: string) => node.attrs.find((a) => a.name === name)?.value
const text = (node: RenderedNode | string): string => (typeof node === 'string' ? node : node.children.map(text).join(''))

let root: string
let simulator: ReturnType<typeof startSimulator>

beforeAll(() => {
  root = copyWeappBuild()
  // A page whose code throws at load, next to the real ones: the check must catch it.
  writeFileSync(join(root, 'fixture-throws.js'), 'Page({ data: {}, onLoad: function () { throw new Error("页面加载失败") }, onShow: function () {}, onReady: function () {} })')
  writeFileSync(join(root, 'fixture-throws.wxml'), '<view>{{never}}</view>')
  writeFileSync(join(root, 'fixture-throws.json'), '{}')
  simulator = startSimulator(root, wechatCompilers(), api)
})
afterAll(() => simulator.stop())

describe("the built weapp in WeChat's exparser simulator", () => {
  it('the web-view page renders WeChat\'s web-view with the agency\'s page and the city, from the catalog', async () => {
    const page = simulator.open(WEBVIEW_PAGE, { service: 'shenzhen-bus', city: '440300', name: encodeURIComponent('实时公交') })
    await until(() => page.findAll('wx-web-view').length > 0, 'web-view')
    const [webView] = page.findAll('wx-web-view')
    expect(attr(webView!, 'src')).toBe('http://127.0.0.1:4100/webview/shenzhen-bus/h5/?city=440300')
    expect(simulator.requests).toContain('http://127.0.0.1:3000/v1/catalog?city=440300')
    expect(page.errors).toEqual([])
  })

  it('a link to a service the city does not list opens no web-view and says so', async () => {
    const page = simulator.open(WEBVIEW_PAGE, { service: 'elsewhere', city: '440300', name: 'x' })
    await until(() => text(page.tree()).includes('这个城市没有这项服务'), 'message')
    expect(page.findAll('wx-web-view')).toEqual([])
    expect(page.errors).toEqual([])
  })

  it('every page of the main package and each subpackage\'s first page renders with no console error', async () => {
    const app = readAppJson(root)
    const pages = [...app.pages, ...(app.subPackages ?? []).map((p) => `${p.root}/${p.pages[0]}`)]
    for (const path of pages) {
      const page = simulator.open(path)
      await until(() => text(page.tree()).trim() !== '' || page.findAll('wx-web-view').length > 0, `${path} ${page.errors.join('\n')}`)
      expect({ path, errors: page.errors }).toEqual({ path, errors: [] })
    }
    const home = simulator.open('pages/home/index')
    await until(() => text(home.tree()).includes('个人信息保护提示'), 'home')
  })

  it('reports a page whose code throws at load (the check is real)', () => {
    const page = simulator.open('fixture-throws')
    expect(page.errors.join('\n')).toContain('页面加载失败')
  })
})
