import { Type } from 'typebox'
import { strict } from '../../src/api/common'

/**
 * The string patterns of the manifest's conformance fixtures, with the
 * bilingual message a submitter sees when a value does not match (the
 * manifest validator finds the message by the pattern's source).
 */
export const FIXTURE_PATTERNS = {
  chineseName: {
    // At least one Chinese character; Latin letters and digits allowed for names like "ETC办理".
    source: '^(?=.*[\\u4e00-\\u9fff])[\\u4e00-\\u9fffA-Za-z0-9·（）()\\-]+$',
    message: 'must be a Chinese name (Chinese characters, with letters, digits, ·, brackets or "-" if needed) / 必须是中文名称',
  },
  plate: {
    source: '^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警]$',
    message: 'must be a plate number such as 川A12345 or 川AD12345 / 必须是车牌号，如 川A12345',
  },
  plateType: { source: '^[0-9]{2}$', message: 'must be a 2-digit plate type (GA 24.7), e.g. 02 / 必须是 2 位号牌种类代码，如 02' },
  engineTail: { source: '^[0-9A-Z]{6}$', message: 'must be the last 6 characters of the engine number (0–9, A–Z) / 必须是发动机号后 6 位' },
  idNumber: { source: '^[0-9]{17}[0-9X]$', message: 'must be an 18-character ID number / 必须是 18 位身份证号' },
  agencyKey: { source: '^[A-Za-z0-9_-]{1,64}$', message: 'must be 1–64 of letters, digits, "_" and "-" / 必须是 1–64 位字母、数字、下划线或连字符' },
} as const

/** A string fixture field matching one of FIXTURE_PATTERNS. */
export const fixtureField = (key: keyof typeof FIXTURE_PATTERNS, options: Record<string, unknown> = {}) =>
  Type.String({ pattern: FIXTURE_PATTERNS[key].source, ...options })

/** A test person: the fixtures of the contracts that only look a citizen up, and part of others'. */
export const PersonFixturesSchema = Type.Object(
  {
    name: fixtureField('chineseName', { minLength: 2, maxLength: 20, description: 'test person name' }),
    idNumber: fixtureField('idNumber', { description: 'test person ID number (GB 11643)' }),
  },
  strict,
)
