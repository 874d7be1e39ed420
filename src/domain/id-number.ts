import { isRealDate } from './real-date'

/** A resident ID number (居民身份证号码, GB 11643): 17 digits and a check character 0–9 or X. */
export type IdNumber = string

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARACTERS = '10X98765432'

/**
 * The first two digits: a province-level division (GB/T 2260), or 81/82/83
 * for the residence permits of Hong Kong, Macao and Taiwan residents.
 */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '81', '82', '83',
])

export type IdNumberProblem = 'format' | 'province' | 'birth-date' | 'future-birth' | 'check-character'

/** What a citizen reads for each problem: what is wrong and what to check. */
export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号应为 18 位：前 17 位是数字，最后一位是数字或 X',
  province: '身份证号前两位不是有效的省份代码，请核对',
  'birth-date': '身份证号中的出生日期（第 7–14 位）不是有效日期，请核对',
  'future-birth': '身份证号中的出生日期晚于今天，请核对',
  'check-character': '身份证号最后一位校验码不正确，请核对是否输错',
}

/** The check character of the first 17 digits (ISO 7064 MOD 11-2 as GB 11643 uses it). */
export function idCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0)
  return CHECK_CHARACTERS[sum % 11]!
}

/** The birth date written in an ID number (YYYY-MM-DD). */
export function birthDateOf(id: IdNumber): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
}

/** Trims spaces and upper-cases a trailing x, as people type it. */
export function normalizeIdNumber(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase()
}

/**
 * Checks an ID number locally before any agency sees it: 18 characters, a
 * valid province prefix, a real birth date not after `today` (YYYY-MM-DD,
 * China time) and the right check character. Returns the first problem.
 */
export function checkIdNumber(id: string, today: string): { ok: true } | { ok: false; problem: IdNumberProblem; message: string } {
  const fail = (problem: IdNumberProblem) => ({ ok: false as const, problem, message: ID_NUMBER_MESSAGES[problem] })
  if (!/^[0-9]{17}[0-9X]$/.test(id)) return fail('format')
  if (!PROVINCE_PREFIXES.has(id.slice(0, 2))) return fail('province')
  const birth = birthDateOf(id)
  if (!isRealDate(birth) || birth < '1900-01-01') return fail('birth-date')
  if (birth > today) return fail('future-birth')
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) return fail('check-character')
  return { ok: true }
}
