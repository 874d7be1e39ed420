import { Type } from 'typebox'

/**
 * Building blocks of every schema, the platform API's (src/api) and the typed
 * agency contracts' (server/contracts, 02-services.md): formats as patterns
 * (so Ajv in Fastify and `typebox/value` agree without format plugins),
 * masked and full personal data, money in fen.
 *
 * Lookups that carry a citizen's PII (ID numbers, plates) are POST with a JSON
 * body: query strings end up in access logs, bodies do not.
 */

export const strict = { additionalProperties: false } as const

/** One enum of the given ids, typed as their union (one clear error instead of one per literal). */
export const literals = <T extends string>(values: readonly T[], options: Record<string, unknown> = {}) =>
  Type.Unsafe<T>(Type.String({ enum: [...values], ...options }))

export const FORMATS = {
  /** Date-time with the +08:00 (or Z) offset, seconds precision, e.g. 2025-03-01T08:30:00+08:00. */
  dateTime: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,3})?(Z|[+-][0-9]{2}:[0-9]{2})$',
  date: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
  month: '^[0-9]{4}-(0[1-9]|1[0-2])$',
  time: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  idNumber: '^[0-9]{17}[0-9X]$',
  maskedIdNumber: '^[0-9]{4}\\*{10}[0-9]{3}[0-9X]$',
  maskedPhone: '^1[0-9]{2}\\*{4}[0-9]{4}$',
  /** Something masked to its last 4: stars then 4 visible characters. */
  maskedTail: '^\\*+[0-9A-Z]{4}$',
  /** A masked name: stars then the last character. */
  maskedName: '^\\*{1,9}[\\u4e00-\\u9fff·A-Za-z]$',
  chineseName: '^[\\u4e00-\\u9fff·]{2,20}$',
  key: '^[A-Za-z0-9_-]{1,64}$',
  plate: '^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警]$',
} as const

type Opts = Record<string, unknown>
export const DateTime = (o: Opts = {}) => Type.String({ pattern: FORMATS.dateTime, ...o })
export const IsoDate = (o: Opts = {}) => Type.String({ pattern: FORMATS.date, ...o })
export const Month = (o: Opts = {}) => Type.String({ pattern: FORMATS.month, ...o })
export const ClockTime = (o: Opts = {}) => Type.String({ pattern: FORMATS.time, ...o })
/** Money is integer fen (分) everywhere. */
export const Fen = (o: Opts = {}) => Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, ...o })
export const Key = (o: Opts = {}) => Type.String({ pattern: FORMATS.key, ...o })
export const IdNumber = (o: Opts = {}) => Type.String({ pattern: FORMATS.idNumber, description: '18-character ID number (GB 11643)', ...o })
export const MaskedIdNumber = (o: Opts = {}) =>
  Type.String({ pattern: FORMATS.maskedIdNumber, description: 'ID number masked to 4+4, e.g. 4403**********123X', ...o })
export const MaskedName = (o: Opts = {}) => Type.String({ pattern: FORMATS.maskedName, description: 'name masked to its last character, e.g. *三', ...o })
export const MaskedTail = (o: Opts = {}) => Type.String({ pattern: FORMATS.maskedTail, description: 'masked to its last 4 characters', ...o })
export const PersonName = (o: Opts = {}) => Type.String({ pattern: FORMATS.chineseName, description: 'real name as on the ID card', ...o })

/** A citizen as the platform passes them to an agency for their own request. */
export const PersonSchema = () => Type.Object({ name: PersonName(), idNumber: IdNumber() }, strict)

/** A masked citizen, as agencies answer: never the full name or ID number. */
export const MaskedPersonSchema = () => Type.Object({ name: MaskedName(), idNumber: MaskedIdNumber() }, strict)
