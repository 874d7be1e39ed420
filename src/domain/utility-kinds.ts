/** The utilities a city's companies bill (utilities@1), with what a citizen calls each bill and its unit. */
export const UTILITY_KINDS = {
  water: { label: '水费', company: '自来水', unit: '吨' },
  electricity: { label: '电费', company: '电力', unit: '千瓦时' },
  gas: { label: '燃气费', company: '燃气', unit: '立方米' },
} as const
export type UtilityKind = keyof typeof UTILITY_KINDS
export const UTILITY_KIND_IDS = Object.keys(UTILITY_KINDS) as UtilityKind[]
export const UTILITY_UNITS = UTILITY_KIND_IDS.map((k) => UTILITY_KINDS[k].unit)
export type UtilityUnit = (typeof UTILITY_KINDS)[UtilityKind]['unit']
