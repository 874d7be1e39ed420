import { Type } from 'typebox'
import { DOMAIN_IDS } from '../domain/catalog'
import { literals } from './common'

const DomainSchema = literals(DOMAIN_IDS)

export const AgencySchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$', description: 'stable slug', examples: ['sz-traffic-police'] }),
    name: Type.String({ minLength: 2, maxLength: 60, examples: ['深圳市公安局交通警察支队'] }),
    region: Type.String({
      pattern: '^([0-9]{2}|[0-9]{6}|national)$',
      description: 'city code (6 digits), province code (2 digits) or national: where it may list services',
    }),
    domains: Type.Array(DomainSchema, { minItems: 1, uniqueItems: true, description: 'domains it may list services in' }),
  },
  { $id: 'Agency', additionalProperties: false },
)

export const AgencyList = Type.Object({ agencies: Type.Array(Type.Ref('Agency')) })
