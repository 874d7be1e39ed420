import { Type } from 'typebox'

const RoleSchema = Type.Union([Type.Literal('agency'), Type.Literal('operator'), Type.Literal('analyst')])

export const TokenInfo = Type.Object(
  {
    id: Type.String({ description: 'public id of the token' }),
    role: RoleSchema,
    agencyId: Type.Union([Type.String(), Type.Null()]),
    label: Type.String(),
    createdAt: Type.String(),
    revokedAt: Type.Union([Type.String(), Type.Null()]),
    expiresAt: Type.String({ description: 'after this the token answers 401 TOKEN_EXPIRED' }),
  },
  { $id: 'TokenInfo' },
)

export const CreateTokenBody = Type.Object(
  {
    role: RoleSchema,
    agencyId: Type.Optional(Type.String({ description: 'required for role agency, not allowed otherwise' })),
    label: Type.Optional(Type.String({ maxLength: 100 })),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'lifetime in days; the configured default for the role when absent' })),
  },
  { additionalProperties: false },
)

export const CreatedToken = Type.Intersect([
  Type.Ref('TokenInfo'),
  Type.Object({ token: Type.String({ description: 'the token itself, shown this once: only its hash is kept' }) }),
])

export const TokenList = Type.Object({ tokens: Type.Array(Type.Ref('TokenInfo')) })
export const TokenIdParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9]{10}$' }) })
