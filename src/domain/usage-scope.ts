import { DOMAIN_IDS, type Domain, SERVICE_TYPE_IDS, type ServiceType } from './catalog'

/**
 * The scopes of anonymous usage (03-index.md): every level an analyst sees
 * has its own scope, because distinct counts do not add up. A scope names a
 * place or a service, never a person.
 */
export type UsageScope =
  | { kind: 'all' }
  | { kind: 'prov'; province: string }
  | { kind: 'city'; city: string }
  | { kind: 'type'; type: ServiceType; city: string }
  | { kind: 'domain'; domain: Domain; city: string }
  | { kind: 'svc'; service: string; city?: string }

const SERVICE_ID = '[a-z0-9-]{1,64}'
// By the text before the colon: a batch has a dozen scopes, checked on every request of the busiest endpoint.
const PATTERNS = new Map<string, [RegExp, (m: RegExpExecArray) => UsageScope | undefined]>([
  ['all', [/^all$/, () => ({ kind: 'all' })]],
  ['prov', [/^prov:([0-9]{2})$/, (m) => ({ kind: 'prov', province: m[1]! })]],
  ['city', [/^city:([0-9]{6})$/, (m) => ({ kind: 'city', city: m[1]! })]],
  ['type', [/^type:([a-z]+)@([0-9]{6})$/, (m) => ((SERVICE_TYPE_IDS as string[]).includes(m[1]!) ? { kind: 'type', type: m[1] as ServiceType, city: m[2]! } : undefined)]],
  ['domain', [/^domain:([a-z-]+)@([0-9]{6})$/, (m) => ((DOMAIN_IDS as string[]).includes(m[1]!) ? { kind: 'domain', domain: m[1] as Domain, city: m[2]! } : undefined)]],
  ['svc', [new RegExp(`^svc:(${SERVICE_ID})(?:@([0-9]{6}))?$`), (m) => ({ kind: 'svc', service: m[1]!, ...(m[2] ? { city: m[2] } : {}) })]],
])

/** The scope a text names, or undefined when it is not one of the forms (or names an unknown type or domain). */
export function parseScope(text: string): UsageScope | undefined {
  const colon = text.indexOf(':')
  const form = PATTERNS.get(colon < 0 ? text : text.slice(0, colon))
  const m = form?.[0].exec(text)
  return m ? form![1](m) : undefined
}

/** The scope's text, the inverse of parseScope. */
export function scopeText(s: UsageScope): string {
  switch (s.kind) {
    case 'all':
      return 'all'
    case 'prov':
      return `prov:${s.province}`
    case 'city':
      return `city:${s.city}`
    case 'type':
      return `type:${s.type}@${s.city}`
    case 'domain':
      return `domain:${s.domain}@${s.city}`
    case 'svc':
      return s.city ? `svc:${s.service}@${s.city}` : `svc:${s.service}`
  }
}

/** What one use of a service in a city makes active this month: every level from the whole country down to the service. */
export function scopesOfUse(use: { city: string; type: ServiceType; domain: Domain; service: string; national: boolean }): string[] {
  const scopes = [
    'all',
    `prov:${use.city.slice(0, 2)}`,
    `city:${use.city}`,
    `type:${use.type}@${use.city}`,
    `domain:${use.domain}@${use.city}`,
    `svc:${use.service}@${use.city}`,
  ]
  if (use.national) scopes.push(`svc:${use.service}`)
  return scopes
}
