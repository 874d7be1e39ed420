import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MedicalAccountViewT } from '../../src/api/social-security'
import { resetFakeTaro, setRouteParams } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/social-security-api', async () => (await import('./social-security-mocks')).socialSecurityApiMock())

const ACCOUNT: MedicalAccountViewT = {
  balanceFen: 345_678,
  transactions: [
    { id: '1000000000000003', time: '2026-04-16T06:05:00Z', kind: 'debit', amountFen: 5_630, description: '一心堂大药房（泰山路店）', balanceAfterFen: 345_678 },
    { id: '1000000000000002', time: '2026-04-05T02:00:00Z', kind: 'credit', amountFen: 10_000, description: '个人账户划入', balanceAfterFen: 351_308 },
  ],
}

let view: Rendered | undefined

async function renderMedical(answer: MedicalAccountViewT | { code: string; status: number }) {
  vi.resetModules()
  setRouteParams({ service: 'deyang-social-security' })
  const api = vi.mocked(await import('../../src/services/social-security-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: MedicalPage } = await import('../../src/packages/social-security/pages/medical/index')
  if ('code' in answer) api.getMedicalAccount.mockRejectedValue(new ApiError(answer.code, '出错了，请稍后重试', answer.status))
  else api.getMedicalAccount.mockResolvedValue(answer)
  view = await render(<MedicalPage />)
  await flush()
  return api
}

describe('医保账户', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => {
    view?.unmount()
    view = undefined
  })

  it('shows the balance large and the transactions newest first, in China time with their sign and kind in words', async () => {
    const api = await renderMedical(ACCOUNT)
    expect(api.getMedicalAccount).toHaveBeenCalledWith('deyang-social-security')
    expect(view!.container.querySelector('.medical-balance__value')?.textContent).toBe('3456.78')
    const rows = [...view!.container.querySelectorAll('.medical-tx')]
    expect(rows).toHaveLength(2)
    expect(rows[0]!.querySelector('.medical-tx__amount')?.textContent).toBe('-56.30 元')
    expect(rows[0]!.textContent).toContain('一心堂大药房（泰山路店）')
    expect(rows[0]!.textContent).toContain('2026-04-16 14:05 · 支出')
    expect(rows[0]!.textContent).toContain('余额 3456.78 元')
    expect(rows[1]!.querySelector('.medical-tx__amount')?.textContent).toBe('+100.00 元')
    expect(rows[1]!.textContent).toContain('2026-04-05 10:00 · 划入')
  })

  it('says when there are no transactions', async () => {
    await renderMedical({ balanceFen: 0, transactions: [] })
    expect(view!.container.querySelector('.medical-balance__value')?.textContent).toBe('0.00')
    expect(view!.container.textContent).toContain('暂无收支记录')
  })

  it('asks for 实名认证 first', async () => {
    await renderMedical({ code: 'IDENTITY_REQUIRED', status: 403 })
    expect(view!.container.textContent).toContain('查询医保账户需要先完成实名认证')
    expect(view!.queryByText('去认证', '[role="button"]')).not.toBeNull()
  })

  it('shows a failure with 重试', async () => {
    await renderMedical({ code: 'AGENCY_UNAVAILABLE', status: 502 })
    expect(view!.container.querySelector('[role="alert"]')?.textContent).toContain('出错了，请稍后重试')
    expect(view!.queryByText('重试', '[role="button"]')).not.toBeNull()
  })
})
