import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTaro, resetFakeTaro, setRouteParams } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/citizen-api', () => ({
  getMe: vi.fn(),
  verifyIdentity: vi.fn(),
  listVehicles: vi.fn(),
  bindVehicle: vi.fn(),
  unbindVehicle: vi.fn(),
  listRecords: vi.fn(),
}))

const VERIFIED = { name: '*伟', idNumber: '5106**********1238', verifiedAt: '2026-11-20T02:00:00.000Z' }

async function renderIdentity() {
  vi.resetModules()
  const api = vi.mocked(await import('../../src/services/citizen-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: IdentityPage } = await import('../../src/packages/account/pages/identity/index')
  api.getMe.mockResolvedValue({ identity: null, vehicles: 0 })
  view = await render(<IdentityPage />)
  await flush()
  return { view, api, ApiError }
}

let view: Rendered | undefined

const input = (label: string) => view!.container.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)!
const errorUnder = (id: string) => view!.container.querySelector(`#${id}-note.text-field__error`)?.textContent
async function fill(name: string, idNumber: string) {
  await view!.type(input('姓名'), name)
  await view!.type(input('身份证号'), idNumber)
}

describe('实名认证', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('refuses a wrong check character on the phone: message under the field, nothing sent, values kept', async () => {
    const { api } = await renderIdentity()
    await fill('张伟', '510603199003071239')
    await view!.click(view!.getByText('提交', '[role="button"]'))
    expect(errorUnder('identity-id-number')).toBe('身份证号最后一位校验码不正确，请核对是否输错')
    expect(input('身份证号').getAttribute('aria-invalid')).toBe('true')
    expect(input('身份证号').getAttribute('aria-describedby')).toBe('identity-id-number-note')
    expect(errorUnder('identity-name')).toBeUndefined()
    expect(api.verifyIdentity).not.toHaveBeenCalled()
    expect(input('姓名').value).toBe('张伟')
    expect(input('身份证号').value).toBe('510603199003071239')

    // Typing in the field clears its message.
    await view!.type(input('身份证号'), '510603199003071238')
    expect(errorUnder('identity-id-number')).toBeUndefined()
  })

  it('checks the name too', async () => {
    const { api } = await renderIdentity()
    await fill('Zhang', '510603199003071238')
    await view!.click(view!.getByText('提交', '[role="button"]'))
    expect(errorUnder('identity-name')).toContain('汉字')
    expect(api.verifyIdentity).not.toHaveBeenCalled()
  })

  it('shows an agency timeout with 重试 and keeps the values; 重试 sends them again', async () => {
    const { api, ApiError } = await renderIdentity()
    api.verifyIdentity
      .mockRejectedValueOnce(new ApiError('AGENCY_TIMEOUT', '实名核验服务响应超时，请稍后重试', 504))
      .mockResolvedValueOnce(VERIFIED)
    await fill(' 张伟 ', '510603199003071238')
    await view!.click(view!.getByText('提交', '[role="button"]'))
    await flush()
    expect(api.verifyIdentity).toHaveBeenCalledWith({ name: '张伟', idNumber: '510603199003071238' })
    expect(view!.container.querySelector('.form-alert[role="alert"]')?.textContent).toContain('实名核验服务响应超时')
    expect(input('姓名').value).toBe(' 张伟 ')
    expect(input('身份证号').value).toBe('510603199003071238')

    await view!.click(view!.getByText('重试', '[role="button"]'))
    await flush()
    expect(api.verifyIdentity).toHaveBeenCalledTimes(2)
    expect(view!.container.querySelector('.identity-done')?.textContent).toContain('5106**********1238')
  })

  it('says so when name and number do not match, without 重试', async () => {
    const { api, ApiError } = await renderIdentity()
    api.verifyIdentity.mockRejectedValueOnce(
      new ApiError('IDENTITY_MISMATCH', '姓名与身份证号码不一致，请核对后重试', 422, [{ path: 'body.name', message: '请核对姓名是否与身份证上的一致' }]),
    )
    await fill('李伟', '510603199003071238')
    await view!.click(view!.getByText('提交', '[role="button"]'))
    await flush()
    expect(view!.container.querySelector('.form-alert')?.textContent).toBe('姓名与身份证号码不一致，请核对后重试')
    expect(errorUnder('identity-name')).toBe('请核对姓名是否与身份证上的一致')
    expect(view!.queryByText('重试', '[role="button"]')).toBeNull()
    expect(input('姓名').value).toBe('李伟')
  })

  it("puts the server's field details under their fields", async () => {
    const { api, ApiError } = await renderIdentity()
    api.verifyIdentity.mockRejectedValueOnce(
      new ApiError('VALIDATION_FAILED', '请检查填写的信息', 422, [{ path: 'body.idNumber', message: 'Invalid ID number / 身份证号无效' }]),
    )
    await fill('张伟', '510603199003071238')
    await view!.click(view!.getByText('提交', '[role="button"]'))
    await flush()
    expect(errorUnder('identity-id-number')).toBe('身份证号无效')
    expect(view!.container.querySelector('.form-alert')).toBeNull()
  })

  it('on success shows the masked identity and goes back', async () => {
    const { api } = await renderIdentity()
    api.verifyIdentity.mockResolvedValueOnce(VERIFIED)
    await fill('张伟', '510603199003071238')
    await view!.click(view!.getByText('提交', '[role="button"]'))
    await flush()
    const done = view!.container.querySelector('.identity-done')
    expect(done?.textContent).toContain('已完成实名认证')
    expect(done?.textContent).toContain('*伟')
    expect(done?.textContent).toContain('5106**********1238')
    expect(done?.textContent).toContain('2026-11-20 10:00')
    expect(view!.container.querySelector('input[aria-label="姓名"]')).toBeNull()
    expect(fakeTaro.navigateBack).toHaveBeenCalled()
  })

  it('goes on to the page that needed the real name', async () => {
    setRouteParams({ back: encodeURIComponent('/packages/traffic/pages/bind/index?service=shenzhen-traffic') })
    const { api } = await renderIdentity()
    api.verifyIdentity.mockResolvedValueOnce(VERIFIED)
    await fill('张伟', '510603199003071238')
    await view!.click(view!.getByText('提交', '[role="button"]'))
    await flush()
    expect(fakeTaro.redirectTo).toHaveBeenCalledWith({ url: '/packages/traffic/pages/bind/index?service=shenzhen-traffic' })
  })

  it('shows the masked identity when already verified, and an error with 重试 when it cannot tell', async () => {
    vi.resetModules()
    const api = vi.mocked(await import('../../src/services/citizen-api'))
    const { ApiError } = await import('../../src/services/request')
    const { default: IdentityPage } = await import('../../src/packages/account/pages/identity/index')
    api.getMe.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0)).mockResolvedValueOnce({ identity: VERIFIED, vehicles: 1 })
    view = await render(<IdentityPage />)
    await flush()
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('网络连接失败')
    await view.click(view.getByText('重试', '[role="button"]'))
    await flush()
    expect(view.container.querySelector('.identity-done')?.textContent).toContain('*伟')
    expect(view.container.querySelector('input')).toBeNull()
  })
})
