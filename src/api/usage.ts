import { type Static, Type } from 'typebox'
import { BATCH_ID_PATTERN, MAX_USAGE_RECORDS, USAGE_ACTIONS, USAGE_VERSION } from '../domain/usage-batch'
import { Month, literals, strict } from './common'

/** POST /v1/usage (04-platform.md): nothing in it can name a person or a device. */
export const UsageBatchSchema = Type.Object(
  {
    v: Type.Literal(USAGE_VERSION),
    batch: Type.Optional(Type.String({ pattern: BATCH_ID_PATTERN, description: 'random, single use; the same batch resent keeps its id and is counted once' })),
    actives: Type.Optional(
      Type.Array(
        Type.Object(
          {
            scope: Type.String({ maxLength: 100, description: 'all, prov:51, city:510600, type:life@510600, domain:medical@510600, svc:<id>@510600, svc:<id>' }),
            month: Month(),
            returning: Type.Boolean(),
            first: Type.Boolean(),
          },
          strict,
        ),
        { maxItems: MAX_USAGE_RECORDS },
      ),
    ),
    events: Type.Optional(
      Type.Array(
        Type.Object(
          {
            service: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
            city: Type.String({ pattern: '^[0-9]{6}$' }),
            action: literals(USAGE_ACTIONS),
            ms: Type.Optional(Type.Integer({ minimum: 0, maximum: 600_000 })),
          },
          strict,
        ),
        { maxItems: MAX_USAGE_RECORDS },
      ),
    ),
  },
  { ...strict, $id: 'UsageBatch' },
)

export const UsageAnswerSchema = Type.Object(
  {
    month: Month({ description: 'the server’s current month, Asia/Shanghai: the client’s truth' }),
    accepted: Type.Integer({ minimum: 0 }),
    duplicates: Type.Integer({ minimum: 0, description: 'records of a batch id already counted' }),
  },
  strict,
)

export type UsageBatchT = Static<typeof UsageBatchSchema>
