import { Type } from 'typebox'

export const RotateSecretQuery = Type.Object(
  {
    overlapHours: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 720, description: 'hours the previous secret keeps verifying (the configured default when absent; 0 for a leaked secret)' }),
    ),
  },
  { additionalProperties: false },
)

export const RotatedSecret = Type.Object({
  agencyId: Type.String(),
  signingSecret: Type.String({ description: 'the new HMAC secret for request signatures, shown this once' }),
  previousValidUntil: Type.Union([Type.String(), Type.Null()], { description: 'until when the previous secret still verifies (and is still sent); null: not at all' }),
})
