import type { Browser, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { type MockAgencies, startMockAgencies } from '../../mock/serve'
import { validManifest } from '../fixtures/manifests'
import { SCREENSHOTS, agreeToPrivacy, phoneContext, pickCityByTyping, settled, usePlatformAndBrowser } from './browser'

const env = usePlatformAndBrowser()
let mocks: MockAgencies | undefined
afterAll(async () => {
  await mocks?.stop()
})

// 西宁 has no demo traffic service (nor any local one): the new tile is the agency's.
const CITY = { code: '630100', name: '西宁', typed: 'xining' }
const AGENCY = { id: 'xn-traffic-police', name: '西宁市公安局交通警察支队' }
const SERVICE = { id: 'xining-traffic', name: '西宁交警' }

const DESKTOP = { width: 1280, height: 900 }

/** A desktop-sized page signed in to the console with this token. */
async function signIn(browser: Browser, token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' })
  const page = await context.newPage()
  await page.goto(`${env.platform.url}/console/login`)
  await page.getByLabel('访问令牌').fill(token)
  await page.getByRole('button', { name: '登录' }).click()
  return page
}

describe('the console and the citizen app together', () => {
  it('an agency submits a manifest in the console, the operator lists it, and it appears on the citizen home page of its city', async () => {
    // The operator creates the agency and reads its signing secret, shown once.
    const operator = await signIn(env.browser, env.platform.demoTokens.operator)
    await operator.waitForURL('**/console/admin')
    await operator.getByRole('link', { name: '机构', exact: true }).click()
    await operator.getByLabel('标识').fill(AGENCY.id)
    await operator.getByLabel('名称').fill(AGENCY.name)
    await operator.getByLabel('地区').fill(CITY.code)
    await operator.getByRole('checkbox', { name: '交管' }).check()
    await operator.getByRole('button', { name: '创建机构' }).click()
    await operator.getByText('只显示这一次').waitFor()
    const secret = (await operator.locator('code.secret').innerText()).trim()
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)

    // …then issues the agency a token, also shown once.
    await operator.getByRole('link', { name: '为该机构发放访问令牌' }).click()
    expect(await operator.getByLabel('角色').inputValue()).toBe('agency')
    expect(await operator.getByLabel(/^机构/).inputValue()).toBe(AGENCY.id)
    await operator.getByLabel('标签').fill('西宁交警信息科')
    await operator.getByRole('button', { name: '发放令牌' }).click()
    const agencyToken = (await operator.locator('code.secret').innerText()).trim()
    expect(agencyToken).toMatch(/^oc_/)

    // The agency runs its implementation of traffic@1 with that secret.
    mocks = await startMockAgencies({ tenants: [{ agencyId: AGENCY.id, contract: 'traffic@1', secret }] })
    const manifest = {
      ...validManifest('traffic@1'),
      id: SERVICE.id,
      name: SERVICE.name,
      summary: '西宁交通违法查询、罚款缴纳、驾驶证记分',
      coverage: { level: 'city', code: CITY.code },
      endpoint: mocks.endpointOf(AGENCY.id),
    }

    // The agency signs in, replaces the template with its manifest and submits it.
    const agency = await signIn(env.browser, agencyToken)
    await agency.waitForURL('**/console/agency')
    await agency.getByText(`机构：${AGENCY.name}`).waitFor()
    await agency.getByRole('link', { name: '提交新服务' }).first().click()
    const textarea = agency.getByLabel('服务清单（JSON）')
    expect(JSON.parse(await textarea.inputValue())).toMatchObject({ coverage: { level: 'city', code: CITY.code }, domain: 'traffic' })
    await textarea.fill(JSON.stringify(manifest, null, 2))
    await agency.getByRole('button', { name: '提交审核' }).click()
    await agency.waitForURL(`**/console/agency/services/${SERVICE.id}?submitted=1`)
    await agency.getByText('清单已提交').waitFor()

    // The review runs in the background; the page refreshes itself every 3 s until it is done.
    const review = agency.locator('section[aria-labelledby="review-title"]')
    const verdict = review.locator('dl.facts')
    await verdict.getByText('✓ 通过').waitFor({ timeout: 60_000 })
    expect(await verdict.innerText()).toContain('5 星')
    expect(await agency.locator('meta[http-equiv="refresh"]').count()).toBe(0)
    await agency.screenshot({ path: `${SCREENSHOTS}/console-review.png`, fullPage: true })

    // The operator finds it in the queue, opens it and lists it.
    await operator.getByRole('link', { name: '审核队列' }).click()
    const row = operator.locator('tr', { hasText: SERVICE.id })
    await row.waitFor()
    expect(await row.innerText()).toContain('5 星')
    await operator.screenshot({ path: `${SCREENSHOTS}/console-queue.png`, fullPage: true })
    await row.getByRole('link', { name: /查看提交/ }).click()
    await operator.getByRole('heading', { name: new RegExp(SERVICE.name) }).first().waitFor()
    await operator.getByRole('button', { name: '上架', exact: true }).click()
    await operator.getByRole('status').getByText(/^已上架：/).waitFor()

    // A citizen of that city sees the new tile on the home page.
    const citizen = await phoneContext(env.browser)
    const phone = await citizen.newPage()
    await phone.goto(env.platform.url)
    await agreeToPrivacy(phone)
    await pickCityByTyping(phone, CITY.typed, CITY.name)
    await phone.locator('.home-city-name', { hasText: CITY.name }).waitFor()
    await phone.locator('.service-tile', { hasText: SERVICE.name }).waitFor()
    await settled(phone)
    await phone.screenshot({ path: `${SCREENSHOTS}/home-with-new-service.png` })

    // The agency's page now shows the service listed with its stars.
    await agency.reload()
    expect(await agency.locator('dl.facts').first().innerText()).toContain('已上架')

    await Promise.all([operator.context().close(), agency.context().close(), citizen.close()])
  }, 180_000)
})
