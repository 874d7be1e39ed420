/** A motor vehicle plate number (号牌号码, GA 36), e.g. 川A12345 or 粤BD12345. */
export type PlateNumber = string

/** Plate types (号牌种类, GA 24.7) a citizen can bind, with their Chinese names. */
export const PLATE_TYPES = {
  '01': '大型汽车',
  '02': '小型汽车',
  '07': '普通摩托车',
  '15': '挂车',
  '16': '教练汽车',
  '51': '大型新能源汽车',
  '52': '小型新能源汽车',
} as const
export type PlateType = keyof typeof PLATE_TYPES

// Province abbreviations on plates; letters exclude I and O (they read as 1 and 0).
const PROVINCE = '[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]'
const LETTER = '[A-HJ-NP-Z]'
const CHAR = '[A-HJ-NP-Z0-9]'

/** The shape of each plate type: 7 characters, or 8 for new-energy vehicles. */
const SHAPES: Record<PlateType, RegExp> = {
  '01': new RegExp(`^${PROVINCE}${LETTER}${CHAR}{5}$`),
  '02': new RegExp(`^${PROVINCE}${LETTER}${CHAR}{5}$`),
  '07': new RegExp(`^${PROVINCE}${LETTER}${CHAR}{5}$`),
  '15': new RegExp(`^${PROVINCE}${LETTER}${CHAR}{4}挂$`),
  '16': new RegExp(`^${PROVINCE}${LETTER}${CHAR}{4}学$`),
  // Large new-energy: five digits, then D (electric) or F (hybrid) and the other energy letters.
  '51': new RegExp(`^${PROVINCE}${LETTER}[0-9]{5}[A-HJK]$`),
  // Small new-energy: an energy letter (D, F, and since 2022 A–K without I), a letter or digit, four digits.
  '52': new RegExp(`^${PROVINCE}${LETTER}[A-HJK]${CHAR}[0-9]{4}$`),
}

export type PlateProblem = 'type' | 'length' | 'letters-i-o' | 'shape'

export const PLATE_MESSAGES: Record<PlateProblem, string> = {
  type: '请选择号牌种类',
  length: '号牌号码应为 7 位（新能源汽车 8 位），如 川A12345',
  'letters-i-o': '号牌中没有字母 I 和 O，请改为数字 1 和 0',
  shape: '号牌号码格式不正确：省份简称 + 发证机关字母 + 号码，如 川A12345、粤BD12345',
}

/** Removes spaces and the separator dot people type (川A·12345) and upper-cases letters. */
export function normalizePlate(input: string): string {
  return input.replace(/[\s·.\-]/g, '').toUpperCase()
}

/** Checks a plate against its type: the length first, then I/O, then the exact shape. */
export function checkPlate(plate: string, plateType: string): { ok: true } | { ok: false; problem: PlateProblem; message: string } {
  const fail = (problem: PlateProblem) => ({ ok: false as const, problem, message: PLATE_MESSAGES[problem] })
  if (!(plateType in SHAPES)) return fail('type')
  const length = [...plate].length
  const expected = plateType === '51' || plateType === '52' ? 8 : 7
  if (length !== expected) return fail('length')
  if (/[IO]/.test(plate.slice(1))) return fail('letters-i-o')
  if (!SHAPES[plateType as PlateType].test(plate)) return fail('shape')
  return { ok: true }
}

/** The last 6 characters of the engine number (发动机号后6位). */
export function isEngineTail(value: string): boolean {
  return /^[0-9A-Z]{6}$/.test(value)
}
