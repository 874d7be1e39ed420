import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EligibilityViewT, WithdrawalAnswerT } from '../../src/api/housing-fund'
import { fakeTaro, resetFakeTaro, setRouteParams } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'
import { deferred } from './traffic-fixtures'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/housing-fund-api', async () => (await import('./housing-fund-mocks')).housingFundApiMock())

const SERVICE = 'chengdu-housing-fund'
type Reason = EligibilityViewT['reasons'][number]
const RENT: Reason = { code: 'rent', name: '租房提取', eligible: true, maxAmountFen: 150_000, materials: ['身份证', '无房证明'] }
const PURCHASE: Reason = { code: 'purchase', name: '购买自住住房提取', eligible: true, maxAmountFen: 8_654_321, materials: ['身份证', '购房合同', '购房发票'] }
const RETIREMENT: Reason = { code: 'retirement', name: '离休、退休提取', eligible: false, why: '未达到法定退休年龄（60 岁）', maxAmountFen: 0, materials: ['身份证', '退休证'] }
const REASONS = [RENT, PURCHASE, RETIREMENT]
const APPLICATION: WithdrawalAnswerT['application'] = {
  applicationNo: '2026112000000001',
  reason: 'rent',
  reasonName: '租房提取',
  amountFen: 120_000,
  status: 'approved',
  submittedAt: '2026-11-20T02:00:00.000Z',
  message: '提取已办结，资金将在 1 个工作日内转入你登记的银行卡',
}

let view: Rendered | undefined

async function renderWithdraw() {
  vi.resetModules()
  setRouteParams({ service: SERVICE })
  const api = vi.mocked(await import('../../src/services/housing-fund-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: WithdrawPage } = await import('../../src/packages/housing-fund/pages/withdraw/index')
  api.getWithdrawalEligibility.mockResolvedValue(REASONS)
  api.getFundAccount.mockResolvedValue({ accountNo: '********9012' } as Awaited<ReturnType<typeof api.getFundAccount>>)
  view = await render(<WithdrawPage />)
  await flush()
  return { api, ApiError }
}

const text = () => view!.container.textContent ?? ''
const item = (name: string) => [...view!.container.querySelectorAll<HTMLElement>('.reason-item')].find((el) => el.querySelector('.reason-item__name')?.textContent === name)!
const choose = (name: string) => view!.click(item(name).querySelector('[role="button"]')!)
const amount = () => view!.container.querySelector<HTMLInputElement>('input[aria-label="提取金额（元）"]')
const confirmButton = () => view!.queryByText('确认提交', '[role="button"]')
/** 提交申请, then 确认提交 on the confirmation when it appears (or 确认提交 again while it is open). */
async function submit() {
  const open = confirmButton()
  if (open) return view!.click(open)
  await view!.click(view!.getByText('提交申请', '[role="button"]'))
  const confirm = confirmButton()
  if (confirm) await view!.click(confirm)
}
const fieldError = () => view!.container.querySelector('.text-field__error')?.textContent
const sent = (mock: { mock: { calls: unknown[][] } }) => mock.mock.calls.map((c) => c[1] as { reason: string; amountFen: number; idempotencyKey: string })

describe('提取申请', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('lists every reason: eligible ones with maximum and materials can be chosen, ineligible ones say why and cannot', async () => {
    const { api } = await renderWithdraw()
    expect(api.getWithdrawalEligibility).toHaveBeenCalledWith(SERVICE)
    expect(item('租房提取').textContent).toContain('可办理')
    expect(item('租房提取').textContent).toContain('最多可提取 1500.00 元')
    expect(item('租房提取').textContent).toContain('所需材料：身份证、无房证明')
    expect(item('离休、退休提取').textContent).toContain('不可办理')
    expect(item('离休、退休提取').textContent).toContain('原因：未达到法定退休年龄（60 岁）')
    expect(item('离休、退休提取').querySelector('[role="button"]')).toBeNull()
    expect(amount()).toBeNull()

    await choose('租房提取')
    expect(item('租房提取').querySelector('[aria-current="true"]')?.textContent).toContain('✓ 已选择')
    expect(amount()?.value).toBe('1500.00')
    expect(view!.queryByText('提交申请', '[role="button"]')).not.toBeNull()
    // Another reason: its own form, starting at its own maximum.
    await choose('购买自住住房提取')
    expect(amount()?.value).toBe('86543.21')
    expect(item('租房提取').querySelector('[aria-current="true"]')).toBeNull()
  })

  it('refuses a bad amount with a message under the field, sends nothing and keeps what was typed', async () => {
    const { api } = await renderWithdraw()
    await choose('租房提取')
    const cases: [string, string][] = [
      ['', '请输入金额'],
      ['一千', '请输入数字金额，例如 5000 或 5000.50'],
      ['100.123', '金额最多保留两位小数（精确到分）'],
      ['0', '金额须大于 0 元'],
      ['1500.01', '提取金额不能超过本次最多可提取的 1500.00 元'],
    ]
    for (const [typed, message] of cases) {
      await view!.type(amount()!, typed)
      await submit()
      expect(fieldError()).toBe(message)
      expect(amount()!.getAttribute('aria-invalid')).toBe('true')
      expect(amount()!.value).toBe(typed)
    }
    expect(api.applyForWithdrawal).not.toHaveBeenCalled()
    // Typing again clears the message.
    await view!.type(amount()!, '1200')
    expect(fieldError()).toBeUndefined()
  })

  it('sends one application for a double tap, then shows it and reads the reasons again', async () => {
    const { api } = await renderWithdraw()
    await choose('租房提取')
    await view!.type(amount()!, '1,200')
    const answer = deferred<WithdrawalAnswerT['application']>()
    api.applyForWithdrawal.mockReturnValue(answer.promise)
    await submit()
    await submit()
    expect(api.applyForWithdrawal).toHaveBeenCalledTimes(1)
    const [service, body] = api.applyForWithdrawal.mock.calls[0]!
    expect(service).toBe(SERVICE)
    expect(body).toMatchObject({ reason: 'rent', amountFen: 120_000 })
    expect(body.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
    expect(text()).toContain('正在提交申请…')

    api.getWithdrawalEligibility.mockResolvedValue([{ ...RENT, eligible: false, why: '已有待审核的提取申请', maxAmountFen: 0 }, PURCHASE, RETIREMENT])
    await act(async () => answer.resolve(APPLICATION))
    await flush()
    const card = view!.container.querySelector('.application-card')!
    expect(card.getAttribute('role')).toBe('status')
    expect(card.textContent).toContain('提取申请已提交')
    expect(card.textContent).toContain('2026112000000001')
    expect(card.textContent).toContain('已办结，资金转入登记银行卡')
    expect(card.textContent).toContain('提取已办结，资金将在 1 个工作日内转入你登记的银行卡')
    expect(card.textContent).toContain('1200.00 元')
    expect(card.textContent).toContain('2026-11-20 10:00')
    expect(api.getWithdrawalEligibility).toHaveBeenCalledTimes(2)
    expect(item('租房提取').textContent).toContain('已有待审核的提取申请')
    expect(amount()).toBeNull()
    expect(api.applyForWithdrawal).toHaveBeenCalledTimes(1)
    expect(fakeTaro.pageScrollTo).toHaveBeenCalled()
  })

  it('after a timeout keeps the reason and amount, and 重试 sends the same idempotency key', async () => {
    const { api, ApiError } = await renderWithdraw()
    await choose('租房提取')
    await view!.type(amount()!, '1200')
    api.applyForWithdrawal
      .mockRejectedValueOnce(new ApiError('AGENCY_TIMEOUT', '公积金中心响应超时，请稍后重试', 504))
      .mockResolvedValueOnce({ ...APPLICATION, status: 'reviewing', message: '请在 30 日内携带材料到公积金中心柜台办理' })
    await submit()
    await flush()
    expect(view!.container.querySelector('.form-alert')?.textContent).toContain('公积金中心响应超时，请稍后重试')
    expect(item('租房提取').querySelector('[aria-current="true"]')).not.toBeNull()
    expect(amount()?.value).toBe('1200')

    await view!.click(view!.getByText('重试', '[role="button"]'))
    await flush()
    expect(api.applyForWithdrawal).toHaveBeenCalledTimes(2)
    const [first, second] = sent(api.applyForWithdrawal)
    expect(second).toEqual(first)
    expect(text()).toContain('待审核，请携带材料到柜台')
    expect(text()).toContain('请在 30 日内携带材料到公积金中心柜台办理')
  })

  it('another amount is another application: a new key', async () => {
    const { api, ApiError } = await renderWithdraw()
    await choose('租房提取')
    api.applyForWithdrawal.mockRejectedValue(new ApiError('AGENCY_TIMEOUT', '公积金中心响应超时，请稍后重试', 504))
    await view!.type(amount()!, '1200')
    await submit()
    await flush()
    await view!.type(amount()!, '1000')
    await submit()
    await flush()
    const [first, second] = sent(api.applyForWithdrawal)
    expect(second!.amountFen).toBe(100_000)
    expect(second!.idempotencyKey).not.toBe(first!.idempotencyKey)
  })

  it('shows a refusal’s own message without 重试, keeping the choice and amount', async () => {
    const { api, ApiError } = await renderWithdraw()
    await choose('租房提取')
    api.applyForWithdrawal.mockRejectedValue(new ApiError('APPLICATION_PENDING', '你有一笔提取申请正在审核，办结后才能再次申请', 409))
    await submit()
    await flush()
    expect(view!.container.querySelector('.form-alert')?.textContent).toContain('你有一笔提取申请正在审核')
    expect(view!.container.querySelector('.form-alert [role="button"]')).toBeNull()
    expect(amount()?.value).toBe('1500.00')
    expect(item('租房提取').querySelector('[aria-current="true"]')).not.toBeNull()
  })

  it('asks for 实名认证 first', async () => {
    vi.resetModules()
    setRouteParams({ service: SERVICE })
    const api = vi.mocked(await import('../../src/services/housing-fund-api'))
    const { ApiError } = await import('../../src/services/request')
    api.getWithdrawalEligibility.mockRejectedValue(new ApiError('IDENTITY_REQUIRED', '请先完成实名认证', 403))
    const { default: WithdrawPage } = await import('../../src/packages/housing-fund/pages/withdraw/index')
    view = await render(<WithdrawPage />)
    await flush()
    expect(text()).toContain('查询公积金需要先完成实名认证')
    await view.click(view.getByText('去认证', '[role="button"]'))
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/identity/index' })
  })

  it('shows reason, amount and the masked account for confirmation, and sends only on 确认提交', async () => {
    const { api } = await renderWithdraw()
    await choose('租房提取')
    await view!.type(amount()!, '1200')
    api.applyForWithdrawal.mockResolvedValue(APPLICATION)
    await view!.click(view!.getByText('提交申请', '[role="button"]'))
    expect(api.applyForWithdrawal).not.toHaveBeenCalled()
    const confirm = view!.container.querySelector('.withdrawal-confirm')!
    expect(confirm.textContent).toContain('请核对提取信息')
    const rows = Object.fromEntries(
      [...confirm.querySelectorAll('.detail-list__row')].map((r) => [r.querySelector('.detail-list__label')?.textContent, r.querySelector('.detail-list__value')?.textContent]),
    )
    expect(rows).toMatchObject({ 提取原因: '租房提取', 提取金额: '1200.00 元', 公积金账号: '********9012' })
    expect(confirm.textContent).not.toMatch(/\d{12}/)

    // 返回修改: back to the amount, nothing sent.
    await view!.click(view!.getByText('返回修改', '[role="button"]'))
    expect(view!.container.querySelector('.withdrawal-confirm')).toBeNull()
    expect(amount()?.value).toBe('1200')
    expect(api.applyForWithdrawal).not.toHaveBeenCalled()

    // Changing the amount closes a confirmation that showed the old one.
    await view!.click(view!.getByText('提交申请', '[role="button"]'))
    await view!.type(amount()!, '1000')
    expect(view!.container.querySelector('.withdrawal-confirm')).toBeNull()

    await view!.click(view!.getByText('提交申请', '[role="button"]'))
    expect(view!.container.querySelector('.withdrawal-confirm')?.textContent).toContain('1000.00 元')
    await view!.click(confirmButton()!)
    await flush()
    expect(api.applyForWithdrawal).toHaveBeenCalledTimes(1)
    expect(api.applyForWithdrawal.mock.calls[0]![1]).toMatchObject({ reason: 'rent', amountFen: 100_000 })
  })

  it('asks for the amount with the digit keyboard', async () => {
    await renderWithdraw()
    await choose('租房提取')
    expect(amount()!.getAttribute('inputmode')).toBe('decimal')
    expect(amount()!.getAttribute('type')).toBe('text')
  })
})
