import { Type } from 'typebox'

export const RotateSecretQuery = Type.Object(
  {
    // Digits as written, not a coerced number: an empty or hex value would otherwise rotate with 0 or 16 hours.
    overlapHours: Type.Optional(
      Type.String({
        pattern: '^(?:[0-9]{1,2}|[1-6][0-9]{2}|7[01][0-9]|720)$',
        description: 'hours (0–720) the previous secret keeps verifying (the configured default when absent; 0 for a leaked secret)',
      }),
    ),
  },
  { additionalProperties: false },
)

export const RotatedSecret = Type.Object({
  agencyId: Type.String(),
  signingSecret: Type.String({ description: 'the new HMAC secret for request signatures, shown this once' }),
  previousValidUntil: Type.Union([Type.String(), Type.Null()], { description: 'until when the previous secret still verifies (and is still sent); null: not at all' }),
})
