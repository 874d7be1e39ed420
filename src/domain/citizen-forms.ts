import { checkIdNumber, normalizeIdNumber } from './id-number'
import { checkPlate, isEngineTail, normalizePlate } from './plate'

/**
 * The citizen's two PII forms (实名认证, 绑定车辆), checked the same way on the
 * phone before anything is sent and on the server before any agency is asked.
 * Each problem names its field, so the page can show it under that field.
 */
export interface FieldProblem<F extends string> {
  field: F
  message: string
}

export interface IdentityForm {
  name: string
  idNumber: string
}

export interface VehicleForm {
  plateType: string
  plate: string
  engineTail: string
}

export const NAME_MESSAGE = '请输入身份证上的姓名：2–20 个汉字，少数民族姓名可含间隔号 ·'

/** Names as on the ID card: Chinese characters and the middle dot, 2–20 of them. */
export function isPersonName(name: string): boolean {
  return /^[\u4e00-\u9fff·]{2,20}$/.test(name) && !name.startsWith('·') && !name.endsWith('·')
}

/** The form as it is sent: spaces removed, x upper-cased, the dot people type in plates dropped. */
export function normalizeIdentityForm(form: IdentityForm): IdentityForm {
  return { name: form.name.trim().replace(/[•・]/g, '·'), idNumber: normalizeIdNumber(form.idNumber) }
}

export function normalizeVehicleForm(form: VehicleForm): VehicleForm {
  return { plateType: form.plateType, plate: normalizePlate(form.plate), engineTail: form.engineTail.replace(/\s+/g, '').toUpperCase() }
}

/** Every problem of a normalized identity form; `today` is YYYY-MM-DD in China time. */
export function identityFormProblems(form: IdentityForm, today: string): FieldProblem<keyof IdentityForm>[] {
  const problems: FieldProblem<keyof IdentityForm>[] = []
  if (!isPersonName(form.name)) problems.push({ field: 'name', message: NAME_MESSAGE })
  const id = checkIdNumber(form.idNumber, today)
  if (!id.ok) problems.push({ field: 'idNumber', message: id.message })
  return problems
}

export const ENGINE_TAIL_MESSAGE = '请输入发动机号的后 6 位（数字或字母），可在行驶证上找到'

/** Every problem of a normalized vehicle form. */
export function vehicleFormProblems(form: VehicleForm): FieldProblem<keyof VehicleForm>[] {
  const problems: FieldProblem<keyof VehicleForm>[] = []
  const plate = checkPlate(form.plate, form.plateType)
  if (!plate.ok) problems.push({ field: plate.problem === 'type' ? 'plateType' : 'plate', message: plate.message })
  if (!isEngineTail(form.engineTail)) problems.push({ field: 'engineTail', message: ENGINE_TAIL_MESSAGE })
  return problems
}
