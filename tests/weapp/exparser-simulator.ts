import { createRequire } from 'node:module'
import { join } from 'node:path'
import { compileWxml, type WechatCompilers } from './wechat-compilers'

/** An answer of the simulated API to wx.request. */
export interface ApiAnswer {
  statusCode: number
  data: unknown
}

/** A page rendered in WeChat's exparser. */
export interface RenderedPage {
  /** The rendered tree as j-component serialises it: tag names (wx-view, wx-web-view…), attributes with their values, text. */
  tree(): RenderedNode
  /** The page's DOM under jsdom (built-in components are empty stubs here: attributes live in tree()). */
  html(): string
  /** Every node of the tree with this tag, e.g. "wx-web-view". */
  findAll(tag: string): RenderedNode[]
  /** Console errors and exceptions from loading the page's code up to now. */
  errors: string[]
  /** Fires a component event (e.g. "agreeprivacyauthorization" on "#privacy-agree") as WeChat would; false when nothing matches. */
  dispatch(selector: string, event: string, detail?: object): boolean
}

export interface RenderedNode {
  tagName: string
  attrs: { name: string; value: unknown }[]
  children: (RenderedNode | string)[]
}

interface MiniprogramSimulate {
  load(definition: Record<string, unknown>): string
  render(id: string): {
    attach(parent: Element): void
    dom: Element
    toJSON(): RenderedNode
    querySelector(selector: string): { dispatchEvent(event: string, options?: { detail?: object }): void } | undefined
  }
}

type Options = Record<string, unknown>
type Wx = Record<string, unknown>
const runtimeGlobals = globalThis as unknown as { App: unknown; Page: unknown; Component: unknown; getApp: unknown; getCurrentPages: unknown; wx: Wx; window: { __webview_engine_version__?: number } }

/**
 * WeChat's page renderer (exparser, through miniprogram-simulate and
 * j-component) running the built weapp under jsdom (call it from a test in
 * the jsdom environment): app.js is launched once, then each page's code is
 * loaded as WeChat would, its WXML compiled with WeChat's own wcc, and the
 * page rendered from the data Taro's runtime sets.
 *
 * What the simulator does: exparser's component tree, WXML templates (Taro's
 * recursive base.wxml and its `comp` component), setData, page lifecycles
 * (onLoad with the query, onShow, onReady), and the wx API as
 * miniprogram-simulate mocks it, with wx.request answered by `api` and an
 * in-memory storage. What it cannot do: built-in components are stubs
 * (`<wx-web-view>` keeps its `src` but loads nothing, no native map, input or
 * canvas), no layout or WXSS cascade, no navigation between pages, tab bar
 * or navigation bar, and no real network. `wxApis` adds or replaces wx
 * APIs (e.g. WeChat's privacy and location APIs) before the app launches.
 */
export function startSimulator(root: string, compilers: WechatCompilers, api: (url: string, method: string) => ApiAnswer, wxApis: Wx = {}) {
  const require = createRequire(import.meta.url)
  const simulate = require('miniprogram-simulate') as MiniprogramSimulate
  const load = createRequire(join(root, 'app.js'))
  const requests: string[] = []
  const errors: string[] = []
  const storage = new Map<string, unknown>()

  Object.assign(runtimeGlobals.wx, {
    request(options: { url: string; method?: string; success?: (r: object) => void; fail?: (e: object) => void; complete?: (r: object) => void }) {
      requests.push(options.url)
      setTimeout(() => {
        const answer = api(options.url, options.method ?? 'GET')
        const res = { ...answer, header: { 'content-type': 'application/json' }, errMsg: 'request:ok' }
        options.success?.(res)
        options.complete?.(res)
      })
      return { abort: () => undefined, onHeadersReceived: () => undefined, offHeadersReceived: () => undefined }
    },
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    ...wxApis,
  })
  // wcc's output checks the renderer's version.
  runtimeGlobals.window.__webview_engine_version__ = 0.02

  const consoleError = console.error
  console.error = (...args: unknown[]) => {
    errors.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '))
    consoleError(...args)
  }

  /** Runs one of the build's files and returns the options it gave the constructor (App, Page or Component) it called. */
  const definitionIn = (file: string, constructor: 'App' | 'Page' | 'Component'): Options => {
    let captured: Options | undefined
    const previous = runtimeGlobals[constructor]
    runtimeGlobals[constructor] = (options: Options) => (captured = options)
    try {
      load(join(root, file))
    } finally {
      runtimeGlobals[constructor] = previous
    }
    if (!captured) throw new Error(`${file} did not call ${constructor}()`)
    return captured
  }

  const pages: object[] = []
  runtimeGlobals.getCurrentPages = () => pages
  let app: { onLaunch?: (o: object) => void; onShow?: (o: object) => void } = {}
  runtimeGlobals.getApp = () => app
  app = definitionIn('app.js', 'App')
  app.onLaunch?.({ path: 'pages/home/index', query: {}, scene: 1001 })
  app.onShow?.({ path: 'pages/home/index', query: {}, scene: 1001 })

  const registered = new Map<string, string>()
  const methodsOf = (options: Options) => Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v === 'function'))

  /** Registers a custom component (and those it uses) with the template wcc compiled; returns its exparser id. */
  const registerComponent = (path: string, gwx: (file: string) => unknown): string => {
    const known = registered.get(path)
    if (known) return known
    const id = `component-${registered.size}`
    registered.set(path, id)
    const json = load(join(root, `${path}.json`)) as { usingComponents?: Record<string, string> }
    const usingComponents = usingIds(path, json.usingComponents, gwx)
    simulate.load({ ...definitionIn(`${path}.js`, 'Component'), id, tagName: path.split('/').pop(), template: gwx(`${path}.wxml`), usingComponents })
    return id
  }
  const usingIds = (from: string, using: Record<string, string> = {}, gwx: (file: string) => unknown) =>
    Object.fromEntries(Object.entries(using).map(([tag, path]) => [tag, registerComponent(path.startsWith('/') ? path.slice(1) : join(from, '..', path), gwx)]))

  const pageIds = new Map<string, string>()
  let nextQuery: Record<string, string> = {}
  /**
   * Registers a page once, as WeChat does (its code runs once; webpack would
   * not run it again): an exparser component with the page's lifecycles, as
   * WeChat's base library makes it, its template compiled by wcc with the
   * page's imports and components.
   */
  const pageId = (page: string): string => {
    const known = pageIds.get(page)
    if (known) return known
    const compiled = compileWxml(compilers, root, page)
    if (!compiled.ok) throw new Error(`wcc: ${compiled.errors}`)
    const gwx = new Function(`${compiled.output}\n;return $gwx`)() as (file: string) => unknown
    const options = definitionIn(`${page}.js`, 'Page')
    const json = load(join(root, `${page}.json`)) as { usingComponents?: Record<string, string> }
    const id = simulate.load({
      // exparser ids end up in CSS selectors: no slashes.
      id: `page-${pageIds.size}`,
      tagName: 'page',
      template: gwx(`${page}.wxml`),
      usingComponents: usingIds(page, json.usingComponents, gwx),
      data: options.data,
      methods: methodsOf(options),
      lifetimes: {
        attached(this: Options & { onLoad(query: object): void }) {
          this.route = page
          pages.push(this)
          this.onLoad(nextQuery)
        },
        ready(this: Options & { onShow(): void; onReady(): void }) {
          this.onShow()
          this.onReady()
        },
      },
    })
    pageIds.set(page, id)
    return id
  }

  return {
    /** Every wx.request URL so far. */
    requests,
    /** Gives console.error back. */
    stop() {
      console.error = consoleError
    },
    /**
     * Opens `page` ("packages/webview/pages/index/index") with `query` as WeChat
     * passes it to onLoad (values as in the URL, still encoded).
     */
    open(page: string, query: Record<string, string> = {}): RenderedPage {
      const pageErrors: string[] = []
      const before = errors.length
      let component: ReturnType<MiniprogramSimulate['render']> | undefined
      try {
        nextQuery = query
        component = simulate.render(pageId(page))
        const parent = document.createElement('div')
        document.body.appendChild(parent)
        component.attach(parent)
      } catch (error) {
        pageErrors.push(error instanceof Error ? (error.stack ?? error.message) : String(error))
      }
      const all = (node: RenderedNode | string | undefined, tag: string): RenderedNode[] =>
        node === undefined || typeof node === 'string' ? [] : [...(node.tagName === tag ? [node] : []), ...node.children.flatMap((c) => all(c, tag))]
      return {
        tree: () => component?.toJSON() ?? { tagName: 'page', attrs: [], children: [] },
        html: () => component?.dom.outerHTML ?? '',
        findAll: (tag) => all(component?.toJSON(), tag),
        get errors() {
          return [...pageErrors, ...errors.slice(before)]
        },
        dispatch(selector, event, detail = {}) {
          const target = component?.querySelector(selector)
          target?.dispatchEvent(event, { detail })
          return target !== undefined
        },
      }
    },
  }
}

/** Waits (polling) until `ready()` is true, up to `ms`. */
export async function until(ready: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!ready()) {
    if (Date.now() > end) throw new Error(`${what}: not rendered within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
