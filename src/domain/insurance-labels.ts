import type { INSURANCE_TYPES, INSURED_STATUSES } from '../api/social-security'

/** 养老, 医疗, 失业, 工伤, 生育 (social-security@1). */
export type InsuranceType = (typeof INSURANCE_TYPES)[number]
export type InsuredStatus = (typeof INSURED_STATUSES)[number]

/**
 * The order the bureaus print the five insurances in. Kept here rather than
 * imported from the contract so the app bundle carries no schema code.
 */
export const INSURANCE_ORDER: readonly InsuranceType[] = ['pension', 'medical', 'unemployment', 'injury', 'maternity']

const TYPE_NAMES: Record<InsuranceType, string> = {
  pension: '养老保险',
  medical: '医疗保险',
  unemployment: '失业保险',
  injury: '工伤保险',
  maternity: '生育保险',
}

const STATUS_LABELS: Record<InsuredStatus, string> = {
  active: '正常参保',
  suspended: '暂停缴费',
  'not-insured': '未参保',
}

// Tones reuse the shared status-tag colours; the label always says the same in words.
const STATUS_TONES: Record<InsuredStatus, 'done' | 'pending' | 'cancelled'> = {
  active: 'done',
  suspended: 'pending',
  'not-insured': 'cancelled',
}

/** The Chinese name of an insurance type; contribution records carry only the code. An unknown code is shown as it is. */
export function insuranceTypeName(type: string): string {
  return TYPE_NAMES[type as InsuranceType] ?? type
}

/** 正常参保 / 暂停缴费 / 未参保; a status the app does not know reads as 未参保 rather than as insured. */
export function insuredStatusLabel(status: string): string {
  return STATUS_LABELS[status as InsuredStatus] ?? STATUS_LABELS['not-insured']
}

/** The status-tag modifier for a status (colour only supports the label). */
export function insuredStatusTone(status: string): 'done' | 'pending' | 'cancelled' {
  return STATUS_TONES[status as InsuredStatus] ?? 'cancelled'
}
