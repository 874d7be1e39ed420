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

const VEHICLE = {
  id: '00000000-0000-4000-8000-000000000001',
  plate: '川A***45',
  plateType: '02' as const,
  plateTypeName: '小型汽车',
  engineTail: '****5A',
  createdAt: '2026-11-20T02:00:00.000Z',
}

let view: Rendered | undefined

async function renderBind() {
  vi.resetModules()
  setRouteParams({ service: 'shenzhen-traffic' })
  const api = vi.mocked(await import('../../src/services/citizen-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: BindVehiclePage } = await import('../../src/packages/traffic/pages/bind/index')
  view = await render(<BindVehiclePage />)
  await flush()
  return { view, api, ApiError }
}

const input = (label: string) => view!.container.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)!
const errorUnder = (id: string) => view!.container.querySelector(`#${id}-note.text-field__error`)?.textContent
const submit = () => view!.click(view!.getByText('提交', '[role="button"]'))
async function fill(plate: string, engineTail: string) {
  await view!.type(input('号牌号码'), plate)
  await view!.type(input('发动机号后6位'), engineTail)
}

describe('绑定车辆', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('starts on 小型汽车 and lists every plate type', async () => {
    await renderBind()
    const choices = [...view!.container.querySelectorAll('.choice-chip')]
    expect(choices).toHaveLength(7)
    expect(choices.filter((c) => c.getAttribute('aria-current') === 'true').map((c) => c.textContent)).toEqual(['✓ 小型汽车'])
    expect(view!.container.querySelector('[role="group"]')?.getAttribute('aria-labelledby')).toBe('plate-type-label')
  })

  it('refuses I or O in the plate and a 5-character engine tail: messages, nothing sent, values kept', async () => {
    const { api } = await renderBind()
    await fill('川AI2345', '12345')
    await submit()
    expect(errorUnder('vehicle-plate')).toBe('号牌中没有字母 I 和 O，请改为数字 1 和 0')
    expect(errorUnder('vehicle-engine-tail')).toBe('请输入发动机号的后 6 位（数字或字母），可在行驶证上找到')
    expect(api.bindVehicle).not.toHaveBeenCalled()
    expect(input('号牌号码').value).toBe('川AI2345')
    expect(input('发动机号后6位').value).toBe('12345')
  })

  it('refuses a plate of the wrong length for its type', async () => {
    const { api } = await renderBind()
    await fill('川A1234', '12345A')
    await submit()
    expect(errorUnder('vehicle-plate')).toBe('号牌号码应为 7 位（新能源汽车 8 位），如 川A12345')
    expect(errorUnder('vehicle-engine-tail')).toBeUndefined()

    // An 8-character new-energy plate is too long for 小型汽车 but right for 小型新能源汽车.
    await fill('粤BD12345', '12345a')
    await submit()
    expect(errorUnder('vehicle-plate')).toContain('7 位')
    await view!.click(view!.getByText('小型新能源汽车', '[role="button"]'))
    api.bindVehicle.mockResolvedValueOnce(VEHICLE)
    await submit()
    await flush()
    expect(api.bindVehicle).toHaveBeenCalledWith({ plateType: '52', plate: '粤BD12345', engineTail: '12345A' })
  })

  it('sends a valid form normalized, then goes back to the vehicles', async () => {
    const { api } = await renderBind()
    api.bindVehicle.mockResolvedValueOnce(VEHICLE)
    await fill('川a·12345', '12345a')
    await submit()
    await flush()
    expect(api.bindVehicle).toHaveBeenCalledWith({ plateType: '02', plate: '川A12345', engineTail: '12345A' })
    expect(fakeTaro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '绑定成功' }))
    expect(fakeTaro.navigateBack).toHaveBeenCalled()
  })

  it("maps the server's details to fields and shows conflicts above the button, keeping the values", async () => {
    const { api, ApiError } = await renderBind()
    api.bindVehicle
      .mockRejectedValueOnce(new ApiError('VALIDATION_FAILED', '请检查填写的信息', 422, [{ path: 'body.engineTail', message: 'bad / 发动机号不正确' }]))
      .mockRejectedValueOnce(new ApiError('VEHICLE_ALREADY_BOUND', '这辆车已经绑定', 409))
    await fill('川A12345', '12345A')
    await submit()
    await flush()
    expect(errorUnder('vehicle-engine-tail')).toBe('发动机号不正确')
    await submit()
    await flush()
    expect(view!.container.querySelector('.form-alert')?.textContent).toBe('这辆车已经绑定')
    expect(input('号牌号码').value).toBe('川A12345')
  })

  it('sends the citizen to 实名认证 on IDENTITY_REQUIRED and keeps the form for the way back', async () => {
    const { api, ApiError } = await renderBind()
    api.bindVehicle.mockRejectedValueOnce(new ApiError('IDENTITY_REQUIRED', '请先完成实名认证', 403))
    await fill('川A12345', '12345A')
    await submit()
    await flush()
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/identity/index' })
    expect(view!.container.querySelector('.form-alert')?.textContent).toContain('实名认证')
    expect(input('号牌号码').value).toBe('川A12345')
  })
})
