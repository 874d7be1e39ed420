import { type Static, Type } from 'typebox'
import { PLATE_TYPES } from '../domain/plate'
import { DateTime, Fen, MaskedIdNumber, MaskedName, literals, strict } from './common'

/** The citizen API (`/v1/sessions`, `/v1/me/...`): what the app sends and gets. PII leaves only masked. */

export const SimulatedCodeRequest = Type.Object(
  { user: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', description: 'a stable id of the simulated WeChat user (the H5 app keeps one per device)' }) },
  strict,
)
export const SimulatedCode = Type.Object({ code: Type.String() }, {})

export const SessionRequest = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 128, description: 'the code from Taro.login (wx.login), valid once for 5 minutes' }) },
  strict,
)
export const Session = Type.Object(
  { token: Type.String({ description: 'send as Authorization: Bearer <token>' }), expiresAt: DateTime() },
  strict,
)

export const Identity = Type.Object(
  { name: MaskedName(), idNumber: MaskedIdNumber(), verifiedAt: DateTime() },
  { ...strict, $id: 'Identity', description: 'the verified real name, masked' },
)
export const Me = Type.Object(
  {
    identity: Type.Union([Type.Ref('Identity'), Type.Null()], { description: 'null until 实名认证' }),
    vehicles: Type.Integer({ minimum: 0, description: 'how many vehicles are bound' }),
  },
  strict,
)

export const IdentityRequest = Type.Object(
  { name: Type.String({ maxLength: 40 }), idNumber: Type.String({ maxLength: 40 }) },
  { ...strict, description: 'checked by src/domain/citizen-forms.ts (GB 11643) before the identity agency is asked' },
)

export const PLATE_TYPE_IDS = Object.keys(PLATE_TYPES) as (keyof typeof PLATE_TYPES)[]

export const Vehicle = Type.Object(
  {
    id: Type.String(),
    plate: Type.String({ description: 'masked, e.g. 川A***45' }),
    plateType: literals(PLATE_TYPE_IDS),
    plateTypeName: Type.String({ examples: ['小型汽车'] }),
    engineTail: Type.String({ description: 'masked, e.g. ****5A' }),
    createdAt: DateTime(),
  },
  { ...strict, $id: 'Vehicle' },
)
export const VehicleList = Type.Object({ vehicles: Type.Array(Type.Ref('Vehicle')) }, strict)
export const VehicleRequest = Type.Object(
  { plateType: Type.String({ maxLength: 4 }), plate: Type.String({ maxLength: 20 }), engineTail: Type.String({ maxLength: 20 }) },
  strict,
)
export const VehicleParams = Type.Object({ vehicleId: Type.String({ pattern: '^[0-9a-f-]{36}$' }) }, strict)

export const RECORD_STATUSES = ['pending', 'paid', 'done', 'failed', 'cancelled'] as const
export const RecordSchema = Type.Object(
  {
    id: Type.String(),
    serviceId: Type.String(),
    serviceName: Type.String(),
    cityName: Type.String({ description: 'the city (or province, or 全国) of the service', examples: ['成都'] }),
    what: Type.String({ description: 'what was done, e.g. 缴纳交通违法罚款 (never PII)' }),
    plate: Type.Optional(Type.String({ description: "a traffic fine's vehicle, masked (川A***45)" })),
    status: literals(RECORD_STATUSES, { description: 'pending 待支付/处理中, paid 已支付 (agency not yet confirmed), done 已办结, failed 未成功, cancelled 已取消' }),
    amountFen: Type.Optional(Fen()),
    ref: Type.Optional(Type.String({ description: 'the payment order or booking it is about' })),
    createdAt: DateTime(),
    updatedAt: DateTime(),
  },
  { ...strict, $id: 'Record' },
)
export const RecordList = Type.Object({ records: Type.Array(Type.Ref('Record')) }, strict)

export type SessionT = Static<typeof Session>
export type IdentityT = Static<typeof Identity>
export type MeT = { identity: IdentityT | null; vehicles: number }
export type VehicleT = Static<typeof Vehicle>
export type RecordT = Static<typeof RecordSchema>
export type RecordStatus = (typeof RECORD_STATUSES)[number]
