import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTaro, resetFakeTaro } from '../unit/helpers/fake-taro'
import { CHILD, PATIENTS, SELF } from './hospital-fixtures'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/patient-api', async () => (await import('./hospital-mocks')).patientApiMock())

let view: Rendered | undefined

async function renderPatients() {
  vi.resetModules()
  const api = vi.mocked(await import('../../src/services/patient-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: PatientsPage } = await import('../../src/packages/hospital/pages/patients/index')
  api.listPatients.mockResolvedValue(PATIENTS)
  view = await render(<PatientsPage />)
  await flush()
  return { api, ApiError }
}

const input = (label: string) => view!.container.querySelector<HTMLInputElement>(`.patient-form input[aria-label="${label}"]`)!
const errorUnder = (id: string) => view!.container.querySelector(`#${id}-note.text-field__error`)?.textContent
const chosenRelation = () => view!.container.querySelector('.relation-picker [aria-current="true"]')?.textContent
const add = () => view!.click(view!.getByText('添加', '[role="button"]'))
async function fill(name: string, idNumber: string, relation?: string) {
  await view!.type(input('姓名'), name)
  await view!.type(input('身份证号'), idNumber)
  if (relation) await view!.click(view!.getByText(relation, '.relation-picker [role="button"]'))
}

describe('就诊人管理', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('lists 本人 first, masked, and offers 删除 for the others only', async () => {
    await renderPatients()
    const rows = [...view!.container.querySelectorAll('.patient-row')]
    expect(rows.map((r) => r.querySelector('.list-row__title')?.textContent)).toEqual(['*伟', '*明'])
    expect(rows[0]!.textContent).toContain('本人')
    expect(rows[0]!.textContent).toContain('5****************8')
    expect(rows[0]!.querySelector('.patient-row__remove')).toBeNull()
    expect(rows[1]!.textContent).toContain('子女')
    expect(rows[1]!.querySelector('.patient-row__remove')?.getAttribute('aria-label')).toBe('删除就诊人 *明')
    expect(view!.container.textContent).toContain('已添加 2/5 位就诊人')
    expect([...view!.container.querySelectorAll('.relation-picker [role="button"]')].map((c) => c.textContent)).toEqual(['配偶', '子女', '父母', '其他'])
  })

  it('checks on the phone first: messages under each field, nothing sent, values kept', async () => {
    const { api } = await renderPatients()
    await fill('张伟', '510603199003071239')
    await add()
    expect(errorUnder('patient-id-number')).toBe('身份证号最后一位校验码不正确，请核对是否输错')
    expect(errorUnder('patient-relation')).toBe('请选择就诊人与你的关系')
    expect(errorUnder('patient-name')).toBeUndefined()
    expect(api.addPatient).not.toHaveBeenCalled()
    expect(input('姓名').value).toBe('张伟')
    expect(input('身份证号').value).toBe('510603199003071239')
  })

  it("keeps the values on a 422 and shows the server's messages under their fields", async () => {
    const { api, ApiError } = await renderPatients()
    api.addPatient.mockRejectedValueOnce(
      new ApiError('VALIDATION_FAILED', '请检查填写的信息', 422, [
        { path: 'body.name', message: 'Name and ID number do not match / 姓名与身份证号不一致' },
        { path: 'body.relation', message: 'relation must be spouse, child, parent or other / 请选择与本人的关系' },
      ]),
    )
    await fill(' 张伟 ', '510603199003071238', '父母')
    await add()
    await flush()
    expect(api.addPatient).toHaveBeenCalledWith({ name: '张伟', idNumber: '510603199003071238', relation: 'parent' })
    expect(errorUnder('patient-name')).toBe('姓名与身份证号不一致')
    expect(errorUnder('patient-relation')).toBe('请选择与本人的关系')
    expect(view!.container.querySelector('.patient-form .form-alert')).toBeNull()
    expect(input('姓名').value).toBe(' 张伟 ')
    expect(input('身份证号').value).toBe('510603199003071238')
    expect(chosenRelation()).toBe('✓ 父母')
  })

  it('shows conflicts above the button and a timeout with 重试, keeping the values', async () => {
    const { api, ApiError } = await renderPatients()
    api.addPatient
      .mockRejectedValueOnce(new ApiError('PATIENT_EXISTS', '该就诊人已添加', 409))
      .mockRejectedValueOnce(new ApiError('AGENCY_TIMEOUT', '实名核验服务响应超时，请稍后重试', 504))
      .mockResolvedValueOnce({ ...CHILD, id: '00000000-0000-4000-8000-00000000000c', name: '*芳', relation: 'spouse' })
    await fill('王芳', '510603199003071238', '配偶')
    await add()
    await flush()
    expect(view!.container.querySelector('.form-alert')?.textContent).toBe('该就诊人已添加')
    expect(view!.queryByText('重试', '[role="button"]')).toBeNull()
    await add()
    await flush()
    expect(view!.container.querySelector('.form-alert')?.textContent).toContain('实名核验服务响应超时')
    expect(input('姓名').value).toBe('王芳')
    api.listPatients.mockResolvedValue({ ...PATIENTS, patients: [...PATIENTS.patients, { ...CHILD, id: 'x', name: '*芳', relation: 'spouse' }] })
    await view!.click(view!.getByText('重试', '[role="button"]'))
    await flush()
    expect(api.addPatient).toHaveBeenCalledTimes(3)
    expect(fakeTaro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已添加 *芳' }))
    // A fresh form for the next one, and the list read again.
    expect(input('姓名').value).toBe('')
    expect(chosenRelation()).toBeUndefined()
    expect(view!.container.querySelectorAll('.patient-row')).toHaveLength(3)
  })

  it('deletes after confirming, and shows why when the server refuses', async () => {
    const { api, ApiError } = await renderPatients()
    api.removePatient.mockRejectedValueOnce(new ApiError('PATIENT_HAS_APPOINTMENTS', '该就诊人还有未完成的预约，取消后才能删除', 409)).mockResolvedValueOnce(undefined)
    await view!.click(view!.container.querySelector('.patient-row__remove')!)
    await flush()
    expect(fakeTaro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '删除就诊人' }))
    expect(api.removePatient).toHaveBeenCalledWith(CHILD.id)
    expect(view!.container.querySelector('.form-alert')?.textContent).toBe('该就诊人还有未完成的预约，取消后才能删除')
    api.listPatients.mockResolvedValue({ ...PATIENTS, patients: [SELF] })
    await view!.click(view!.container.querySelector('.patient-row__remove')!)
    await flush()
    expect(fakeTaro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已删除' }))
    expect(view!.container.querySelectorAll('.patient-row')).toHaveLength(1)
    expect(view!.container.querySelector('.form-alert')).toBeNull()
  })

  it('hides the form at the limit', async () => {
    const { api } = await renderPatients()
    api.listPatients.mockResolvedValue({ patients: PATIENTS.patients, max: 2 })
    vi.resetModules()
    const { default: PatientsPage } = await import('../../src/packages/hospital/pages/patients/index')
    view!.unmount()
    view = await render(<PatientsPage />)
    await flush()
    expect(view.container.querySelector('.patient-form')).toBeNull()
    expect(view.container.textContent).toContain('最多可添加 2 位就诊人')
  })

  it('asks for 实名认证 first', async () => {
    vi.resetModules()
    const api = vi.mocked(await import('../../src/services/patient-api'))
    const { ApiError } = await import('../../src/services/request')
    const { default: PatientsPage } = await import('../../src/packages/hospital/pages/patients/index')
    api.listPatients.mockRejectedValue(new ApiError('IDENTITY_REQUIRED', '请先完成实名认证', 403))
    view = await render(<PatientsPage />)
    await flush()
    expect(view.container.textContent).toContain('添加就诊人需要先完成实名认证')
    await view.click(view.getByText('去认证', '[role="button"]'))
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/identity/index' })
  })
})
