import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTaro, resetFakeTaro, setRouteParams } from '../unit/helpers/fake-taro'
import { DEPARTMENTS, HOSPITAL, SERVICE } from './hospital-fixtures'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/hospital-api', async () => (await import('./hospital-mocks')).hospitalApiMock())

let view: Rendered | undefined

const BRANCH = { ...HOSPITAL, id: 'dy-people-2', name: '德阳市人民医院（东区分院）', rules: { windowDays: 14, releaseTime: '15:00', cancelRule: { hoursBefore: 2 }, holidayClinics: true } }

describe('预约挂号: campuses and departments', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('lists the campuses with their rules, and opens 我的预约, 就诊人管理 and a campus', async () => {
    vi.resetModules()
    setRouteParams({ service: SERVICE, name: encodeURIComponent('预约挂号') })
    const hospital = vi.mocked(await import('../../src/services/hospital-api'))
    const { default: HomePage } = await import('../../src/packages/hospital/pages/index/index')
    hospital.listHospitals.mockResolvedValue([HOSPITAL, BRANCH])
    view = await render(<HomePage />)
    await flush()
    expect(hospital.listHospitals).toHaveBeenCalledWith(SERVICE)
    const cards = [...view.container.querySelectorAll('.hospital-card')]
    expect(cards.map((c) => c.querySelector('.list-row__title')?.textContent)).toEqual(['德阳市人民医院（本部）', '德阳市人民医院（东区分院）'])
    expect(cards[0]!.textContent).toContain('三级甲等')
    expect(cards[0]!.textContent).toContain('四川省德阳市旌阳区泰山北路一段173号')
    expect(cards[0]!.querySelector('.hospital-card__rules')?.textContent).toBe('可预约 7 天内号源 · 每日 08:00 放号 · 就诊前一天 17:00 前可取消/退号')
    expect(cards[1]!.querySelector('.hospital-card__rules')?.textContent).toBe('可预约 14 天内号源 · 每日 15:00 放号 · 就诊开始 2 小时前可取消/退号')
    await view.click(cards[1]!)
    expect(fakeTaro.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/hospital/pages/departments/index?service=${SERVICE}&hospital=dy-people-2` })
    await view.click(view.getByText('我的预约', '[role="button"]'))
    expect(fakeTaro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/hospital/pages/appointments/index' })
    await view.click(view.getByText('就诊人管理', '[role="button"]'))
    expect(fakeTaro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/hospital/pages/patients/index' })
  })

  it('groups the departments of a campus by category, reusing the campus list already read', async () => {
    vi.resetModules()
    setRouteParams({ service: SERVICE, hospital: HOSPITAL.id })
    const hospital = vi.mocked(await import('../../src/services/hospital-api'))
    const { campusesOf } = await import('../../src/packages/hospital/hooks/hospital-lookup')
    const { default: DepartmentsPage } = await import('../../src/packages/hospital/pages/departments/index')
    hospital.listHospitals.mockResolvedValue([HOSPITAL])
    hospital.listDepartments.mockResolvedValue(DEPARTMENTS)
    await campusesOf(SERVICE)
    view = await render(<DepartmentsPage />)
    await flush()
    expect(hospital.listHospitals).toHaveBeenCalledTimes(1)
    expect(view.container.querySelector('[aria-level="1"]')?.textContent).toBe('德阳市人民医院（本部）')
    expect(view.container.textContent).toContain('就诊前一天 17:00 前可取消/退号')
    const groups = [...view.container.querySelectorAll('[role="region"]')].map((r) => [
      r.querySelector('[role="heading"]')?.textContent,
      [...r.querySelectorAll('.department-row .list-row__title')].map((t) => t.textContent),
    ])
    expect(groups).toEqual([
      ['内科', ['心血管内科', '消化内科']],
      ['外科', ['骨科']],
    ])
    await view.click(view.container.querySelector('.department-row')!)
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: `/packages/hospital/pages/department/index?service=${SERVICE}&hospital=${HOSPITAL.id}&department=cardiology` })
  })

  it('says when the campus is unknown, with 重试', async () => {
    vi.resetModules()
    setRouteParams({ service: SERVICE, hospital: 'nope' })
    const hospital = vi.mocked(await import('../../src/services/hospital-api'))
    const { default: DepartmentsPage } = await import('../../src/packages/hospital/pages/departments/index')
    hospital.listHospitals.mockResolvedValue([HOSPITAL])
    hospital.listDepartments.mockResolvedValue(DEPARTMENTS)
    view = await render(<DepartmentsPage />)
    await flush()
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('未找到该医院')
  })
})
