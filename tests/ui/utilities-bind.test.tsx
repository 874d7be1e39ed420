import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTaro, resetFakeTaro, setRouteParams } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'
import { ACCOUNT, CHECK, PROVIDERS } from './utilities-fixtures'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/packages/utilities/api', () => ({
  listProviders: vi.fn(),
  listAccounts: vi.fn(),
  checkAccount: vi.fn(),
  bindAccount: vi.fn(),
  unbindAccount: vi.fn(),
  getBills: vi.fn(),
  payBills: vi.fn(),
  topUp: vi.fn(),
  getHistory: vi.fn(),
}))

let view: Rendered | undefined

async function renderBind() {
  vi.resetModules()
  setRouteParams({ service: 'deyang-utilities' })
  const api = vi.mocked(await import('../../src/packages/utilities/api'))
  api.listProviders.mockResolvedValue(PROVIDERS)
  const { ApiError } = await import('../../src/services/request')
  const { default: BindAccountPage } = await import('../../src/packages/utilities/pages/bind/index')
  view = await render(<BindAccountPage />)
  await flush()
  return { api, ApiError }
}

const input = () => view!.container.querySelector<HTMLInputElement>('input[aria-label="户号"]')!
const errorUnder = () => view!.container.querySelector('#utility-account-no-note.text-field__error')?.textContent
const press = async (text: string) => {
  await view!.click(view!.getByText(text, '[role="button"]'))
  await flush()
}

describe('添加户号', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('shows the three companies and asks for one and a 户号 before asking the company', async () => {
    const { api } = await renderBind()
    expect([...view!.container.querySelectorAll('.choice-chip')].map((c) => c.textContent)).toEqual(['水费', '电费', '燃气费'])
    await press('查询户号')
    expect(view!.container.querySelector('.provider-picker .text-field__error')?.textContent).toBe('请选择缴费单位')
    expect(errorUnder()).toContain('请输入户号')
    await view!.type(input(), '12ab')
    await press('水费')
    expect(view!.container.querySelector('.provider-picker .text-field__hint')?.textContent).toBe('德阳市自来水有限公司')
    await press('查询户号')
    expect(errorUnder()).toBe('户号应为 6–16 位数字，请对照账单核对')
    expect(api.checkAccount).not.toHaveBeenCalled()
    expect(input().value).toBe('12ab')
  })

  it('looks the 户号 up, shows the masked holder to confirm, binds and goes back', async () => {
    const { api } = await renderBind()
    api.checkAccount.mockResolvedValueOnce(CHECK)
    api.bindAccount.mockResolvedValueOnce(ACCOUNT)
    await press('水费')
    await view!.type(input(), '3100 0123-45')
    await press('查询户号')
    expect(api.checkAccount).toHaveBeenCalledWith('deyang-utilities', { providerId: 'water', accountNo: '3100012345' })
    const card = view!.container.querySelector('.account-check')!
    expect(card.textContent).toContain('户名 *伟')
    expect(card.textContent).toContain('德阳市城区人民路****')
    await press('确认绑定')
    expect(api.bindAccount).toHaveBeenCalledWith('deyang-utilities', { providerId: 'water', accountNo: '3100012345' })
    expect(fakeTaro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '添加成功' }))
    expect(fakeTaro.navigateBack).toHaveBeenCalled()
  })

  it("shows the company's refusal under the 户号 and keeps what was typed; editing asks again", async () => {
    const { api, ApiError } = await renderBind()
    api.checkAccount.mockRejectedValueOnce(new ApiError('ACCOUNT_NOT_FOUND', '未查询到该户号，请核对缴费单位和户号', 404, [{ path: 'body.accountNo', message: 'check / 请对照纸质账单核对户号' }]))
    await press('燃气费')
    await view!.type(input(), '0123456789')
    await press('查询户号')
    expect(errorUnder()).toBe('请对照纸质账单核对户号')
    expect(view!.container.querySelector('.form-alert')?.textContent).toBe('未查询到该户号，请核对缴费单位和户号')
    expect(input().value).toBe('0123456789')
    expect(view!.container.querySelector('.account-check')).toBeNull()
  })

  it('sends the citizen to 实名认证 on IDENTITY_REQUIRED and keeps the form', async () => {
    const { api, ApiError } = await renderBind()
    api.checkAccount.mockRejectedValueOnce(new ApiError('IDENTITY_REQUIRED', '请先完成实名认证', 403))
    await press('电费')
    await view!.type(input(), '3100012346')
    await press('查询户号')
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/identity/index' })
    expect(view!.container.querySelector('.form-alert')?.textContent).toContain('实名认证')
    expect(input().value).toBe('3100012346')
  })
})
