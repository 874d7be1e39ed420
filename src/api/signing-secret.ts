import { Type } from 'typebox'

export const RotateSecretQuery = Type.Object(
  {
    // Said every time (a leak wants 0, a planned change a day or so), as digits: an empty or hex value is refused.
    overlapHours: Type.String({
      pattern: '^(?:[0-9]{1,2}|[1-6][0-9]{2}|7[01][0-9]|720)$',
      description: 'hours (0–720) the previous secret keeps verifying and is still sent; 0 for a leaked secret',
    }),
  },
  { additionalProperties: false },
)

export const RotatedSecret = Type.Object({
  agencyId: Type.String(),
  signingSecret: Type.String({ description: 'the new HMAC secret for request signatures, shown this once' }),
  previousValidUntil: Type.Union([Type.String(), Type.Null()], { description: 'until when the previous secret still verifies (and is still sent); null: not at all' }),
})
