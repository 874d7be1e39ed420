import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { InsuredViewT } from '../../src/api/social-security'
import { coverPage, fakeTaro, resetFakeTaro, setRouteParams, uncoverPage } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/social-security-api', async () => (await import('./social-security-mocks')).socialSecurityApiMock())

const SERVICE = 'deyang-social-security'

const INSURED: InsuredViewT = {
  idNumber: '5106**********1238',
  employments: [
    { employer: '灵活就业人员', from: '2024-01', flexible: true },
    { employer: '德阳市第一中学', from: '2019-07', to: '2023-06', flexible: false },
    { employer: '东方电气集团东方电机有限公司', from: '2015-03', to: '2019-06', flexible: false },
  ],
  insurances: [
    { type: 'pension', typeName: '养老保险', status: 'active', since: '2015-03', lastPaidMonth: '2026-04', employer: '灵活就业人员' },
    { type: 'medical', typeName: '医疗保险', status: 'suspended', since: '2015-03', lastPaidMonth: '2025-10', employer: '灵活就业人员' },
    { type: 'unemployment', typeName: '失业保险', status: 'not-insured' },
    { type: 'injury', typeName: '工伤保险', status: 'not-insured' },
    { type: 'maternity', typeName: '生育保险', status: 'not-insured' },
  ],
}

let view: Rendered | undefined

async function renderHome(params: Record<string, string> = { service: SERVICE, name: encodeURIComponent('德阳社保') }) {
  vi.resetModules()
  setRouteParams(params)
  const api = vi.mocked(await import('../../src/services/social-security-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: HomePage } = await import('../../src/packages/social-security/pages/index/index')
  api.getInsured.mockResolvedValue(INSURED)
  return { api, ApiError, show: async () => {
    view = await render(<HomePage />)
    await flush()
  } }
}

const title = () => view!.container.querySelector('[role="heading"][aria-level="1"]')?.textContent

describe('社保服务', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => {
    view?.unmount()
    view = undefined
  })

  it('shows each insurance with its status in words, since when and the last month paid', async () => {
    const { api, show } = await renderHome()
    await show()
    expect(api.getInsured).toHaveBeenCalledWith(SERVICE)
    expect(title()).toBe('德阳社保')
    const rows = [...view!.container.querySelectorAll('.insurance-row')]
    expect(rows.map((r) => r.querySelector('.list-row__title')?.textContent)).toEqual(['养老保险', '医疗保险', '失业保险', '工伤保险', '生育保险'])
    expect(rows.map((r) => r.querySelector('.status-tag')?.textContent)).toEqual(['正常参保', '暂停缴费', '未参保', '未参保', '未参保'])
    expect([...rows[1]!.querySelectorAll('.insurance-row__date')].map((d) => d.textContent)).toEqual(['参保起始 2015年03月', '最近缴费 2025年10月'])
    expect(rows[2]!.querySelector('.list-row__text')).toBeNull()
    expect(view!.container.textContent).toContain('社会保障号码 5106**********1238')
  })

  it('lists the 参保单位 newest first with the gaps between them as 断缴', async () => {
    const { show } = await renderHome()
    await show()
    const list = view!.container.querySelector('[aria-label="参保单位"]')!
    const entries = [...list.querySelectorAll('[role="listitem"]')].map((e) => e.textContent)
    expect(entries).toEqual([
      '灵活就业人员灵活就业2024年01月 至今',
      '断缴 6 个月2023年07月 至 2023年12月 未缴费',
      '德阳市第一中学2019年07月 至 2023年06月',
      '东方电气集团东方电机有限公司2015年03月 至 2019年06月',
    ])
  })

  it('opens 缴费记录, 医保账户 and 电子社保卡 of the same service', async () => {
    const { show } = await renderHome()
    await show()
    for (const [text, url] of [
      ['缴费记录', `/packages/social-security/pages/records/index?service=${SERVICE}`],
      ['医保账户', `/packages/social-security/pages/medical/index?service=${SERVICE}`],
      ['电子社保卡', `/packages/social-security/pages/card/index?service=${SERVICE}`],
    ]) {
      await view!.click(view!.getByText(text!, '.ss-entry__title').closest('[role="button"]')!)
      expect(fakeTaro.navigateTo).toHaveBeenLastCalledWith({ url })
    }
  })

  it('asks for 实名认证 first and shows the status once the citizen is back verified', async () => {
    const { api, ApiError, show } = await renderHome({ service: SERVICE })
    api.getInsured.mockRejectedValueOnce(new ApiError('IDENTITY_REQUIRED', '请先完成实名认证', 403))
    await show()
    expect(title()).toBe('社保服务')
    expect(view!.container.textContent).toContain('查询社保需要先完成实名认证')
    expect(view!.container.querySelector('.insurance-row')).toBeNull()
    await view!.click(view!.getByText('去认证', '[role="button"]'))
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/identity/index' })
    await act(async () => {
      coverPage()
      uncoverPage()
    })
    await flush()
    expect(view!.container.querySelector('.identity-needed')).toBeNull()
    expect(view!.container.querySelectorAll('.insurance-row')).toHaveLength(5)
  })

  it('says when the bureau has no record of the citizen, without a pointless 重试', async () => {
    const { api, ApiError, show } = await renderHome()
    api.getInsured.mockRejectedValueOnce(new ApiError('PERSON_NOT_FOUND', '未查询到参保信息', 404))
    await show()
    expect(view!.container.textContent).toContain('未查询到你在本市的参保信息')
    expect(view!.queryByText('重试', '[role="button"]')).toBeNull()
  })

  it('shows a timeout with 重试', async () => {
    const { api, ApiError, show } = await renderHome()
    api.getInsured.mockRejectedValueOnce(new ApiError('AGENCY_TIMEOUT', '办理机构暂时没有响应，请稍后重试', 504))
    await show()
    expect(view!.container.querySelector('[role="alert"]')?.textContent).toContain('办理机构暂时没有响应')
    await view!.click(view!.getByText('重试', '[role="button"]'))
    await flush()
    expect(view!.container.querySelectorAll('.insurance-row')).toHaveLength(5)
  })

  it('without a service, says where to open it and asks nothing', async () => {
    const { api, show } = await renderHome({})
    await show()
    expect(view!.container.textContent).toContain('在首页打开所在城市的社保服务')
    expect(api.getInsured).not.toHaveBeenCalled()
  })
})
