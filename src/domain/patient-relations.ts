import type { PatientRelation } from '../api/hospital'

/** The citizen themself is 本人; the others are added by the citizen. */
export const PATIENT_RELATION_LABELS: Record<PatientRelation, string> = {
  self: '本人',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  other: '其他',
}

export type AddableRelation = Exclude<PatientRelation, 'self'>
/** What the 添加就诊人 form offers, in this order. */
export const ADDABLE_RELATIONS: readonly AddableRelation[] = ['spouse', 'child', 'parent', 'other']

/** The Chinese word for a relation; an unknown one (a newer server) reads as 其他. */
export function relationLabel(relation: string): string {
  return PATIENT_RELATION_LABELS[relation as PatientRelation] ?? '其他'
}
