import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SUBPACKAGES } from '../../src/packages/subpackages'
import { type AuditLimits, CARE_LIMITS, NORMAL_LIMITS, auditPage } from './care-audit'
import { SCREENSHOTS, openAppInCity, openMe, settled, usePlatformAndBrowser } from './browser'

const env = usePlatformAndBrowser()

// A resident the simulated registry knows (mock/identity/app.ts), a car the simulated police fine, a 户号 with bills.
const CITIZEN = { name: '张伟', idNumber: '510603199003071238' }
const VEHICLE = { plateType: '02', plate: '川A8K2Q7', engineTail: '73215B' }
const UTILITY_ACCOUNT = '3100067891'
const DEYANG = '510600'

/** Every page of the main package and of every subpackage, as app.config.ts lists them. */
async function allPages(): Promise<string[]> {
  ;(globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c
  const { default: config } = (await import('../../src/app.config')) as { default: { pages: string[] } }
  return [...config.pages, ...SUBPACKAGES.flatMap(({ root, pages }) => pages.map((p) => `${root}/${p}`))]
}

/** The platform's answer to a call as the citizen with `token`; fails the test on an error status. */
async function call<T>(method: 'GET' | 'POST', url: string, token: string | null, payload?: unknown): Promise<T> {
  const res = await env.platform.app.inject({ method, url, payload: payload as object, headers: token ? { authorization: `Bearer ${token}` } : {} })
  if (res.statusCode >= 400) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`)
  return res.json() as T
}

/**
 * Demo data for the pages that need parameters, made through the API as the
 * browser's own citizen (the same simulated WeChat user): a verified identity,
 * a bound car with violations, a bound 户号, and the ids the pages take. A page
 * of a contract's subpackage gets its 德阳 service; the rest is named here.
 */
async function demoParams(page: Page): Promise<Map<string, Record<string, string>>> {
  // The app makes its simulated WeChat user on its first login; this one is made first, so both are the same citizen.
  const user = 'care-audit-citizen'
  // Taro H5 keeps { data } in localStorage; the app's storage keeps JSON in data.
  await page.evaluate((id) => localStorage.setItem('onecity:device-user', JSON.stringify({ data: JSON.stringify(id) })), user)
  const { code } = await call<{ code: string }>('POST', '/v1/sessions/simulated-code', null, { user })
  const { token } = await call<{ token: string }>('POST', '/v1/sessions', null, { code })
  await call('POST', '/v1/me/identity', token, CITIZEN)

  type Group = { services: { id: string; contract: string }[] }
  const catalog = await call<{ local: Group[]; national: Group[] }>('GET', `/v1/catalog?city=${DEYANG}`, null)
  const serviceOf = new Map<string, string>()
  for (const s of [...catalog.local, ...catalog.national].flatMap((g) => g.services)) if (!serviceOf.has(s.contract)) serviceOf.set(s.contract, s.id)
  const params = new Map<string, Record<string, string>>()
  for (const sub of SUBPACKAGES) {
    const service = sub.contract && serviceOf.get(sub.contract)
    if (service) for (const p of sub.pages) params.set(`${sub.root}/${p}`, { service })
  }

  const traffic = serviceOf.get('traffic@1')!
  const { vehicle } = await call<{ vehicle: { id: string } }>('POST', '/v1/me/vehicles', token, VEHICLE)
  const { violations } = await call<{ violations: { id: string }[] }>('GET', `/v1/services/${traffic}/vehicles/${vehicle.id}/violations`, token)
  params.set('packages/traffic/pages/violations/index', { service: traffic, vehicle: vehicle.id })
  params.set('packages/traffic/pages/violation/index', { service: traffic, vehicle: vehicle.id, violation: violations[0]!.id })

  const hospitalService = serviceOf.get('hospital@1')!
  const { hospitals } = await call<{ hospitals: { id: string }[] }>('GET', `/v1/services/${hospitalService}/hospitals`, token)
  const hospital = hospitals[0]!.id
  const { departments } = await call<{ departments: { id: string }[] }>('GET', `/v1/services/${hospitalService}/hospitals/${hospital}/departments`, token)
  params.set('packages/hospital/pages/departments/index', { service: hospitalService, hospital })
  params.set('packages/hospital/pages/department/index', { service: hospitalService, hospital, department: departments[0]!.id })

  const fund = serviceOf.get('housing-fund@1')!
  const { loans } = await call<{ loans: { id: string }[] }>('GET', `/v1/services/${fund}/housing-fund/loans`, token)
  if (loans[0]) params.set('packages/housing-fund/pages/loan/index', { service: fund, loan: loans[0].id })

  const utilities = serviceOf.get('utilities@1')!
  const { providers } = await call<{ providers: { id: string }[] }>('GET', `/v1/services/${utilities}/utility-providers`, token)
  const { account } = await call<{ account: { id: string } }>('POST', `/v1/services/${utilities}/utility-accounts`, token, { providerId: providers[0]!.id, accountNo: UTILITY_ACCOUNT })
  for (const p of ['bills', 'top-up', 'history']) params.set(`packages/utilities/pages/${p}/index`, { service: utilities, account: account.id })
  return params
}

/** Opens `path` with its demo parameters and waits until the page has its content (or its empty or error state). */
async function openPage(page: Page, url: string, path: string, query: Record<string, string> = {}) {
  const search = new URLSearchParams(query).toString()
  await page.goto(`${url}/#/${path}${search ? `?${search}` : ''}`)
  await settled(page)
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined)
  await page.waitForFunction(() => !document.querySelector('.taro_page_stationed [aria-busy="true"], .taro_page_stationed .status-view--loading'), null, { timeout: 5_000 }).catch(() => undefined)
}

/** Audits every page in one mode; returns each failing page with what failed. */
async function auditAll(page: Page, pages: string[], params: Map<string, Record<string, string>>, limits: AuditLimits, mode: string, care: boolean) {
  const failures: Record<string, string[]> = {}
  for (const path of pages) {
    await openPage(page, env.platform.url, path, params.get(path))
    const root = await page.evaluate(() => document.documentElement.classList.contains('care'))
    const audit = await auditPage(page, limits)
    const problems = [...audit.textProblems, ...audit.targetProblems, ...audit.axe.map((v) => `axe ${v}`)]
    if (root !== care) problems.push(`care class on the root is ${root}`)
    if (care && audit.maxFont < 30) problems.push(`largest text ${audit.maxFont}px < 30px`)
    if (problems.length) {
      failures[path] = problems
      await page.screenshot({ path: `${SCREENSHOTS}/care-audit-${mode}-${path.replace(/\//g, '_')}.png`, fullPage: true })
    }
  }
  return failures
}

describe('关怀模式 on every page (MIIT 适老化), and 44 px targets in the normal mode', () => {
  it('in both modes every page of the main package and the subpackages meets its text, target and axe criteria; the switch in 我的 is remembered', async () => {
    const pages = await allPages()
    expect(pages.length).toBeGreaterThan(30)
    const page = await openAppInCity(env.browser, env.platform.url, 'deyang', '德阳')
    const params = await demoParams(page)

    const normal = await auditAll(page, pages, params, NORMAL_LIMITS, 'normal', false)

    // 我的 → 关怀模式 on; it applies at once, and after a reload (remembered on the device).
    await openMe(page, env.platform.url)
    const toggle = page.getByRole('switch', { name: '关怀模式' })
    expect(await toggle.getAttribute('aria-checked')).toBe('false')
    await toggle.click()
    await page.waitForFunction(() => document.documentElement.classList.contains('care'))
    await page.reload()
    await settled(page)
    expect(await page.getByRole('switch', { name: '关怀模式' }).getAttribute('aria-checked')).toBe('true')
    await page.screenshot({ path: `${SCREENSHOTS}/care-me.png`, fullPage: true })

    const care = await auditAll(page, pages, params, CARE_LIMITS, 'care', true)
    expect({ normal, care }).toEqual({ normal: {}, care: {} })
    await page.context().close()
  }, 600_000)
})
