import type { TSchema } from 'typebox'
import { Compile, type Validator } from 'typebox/compile'
import type { TLocalizedValidationError } from 'typebox/error'
import { Settings } from 'typebox/system'
import { DOMAINS, type Domain } from '../../../src/domain/catalog'
import { KEY_INDUSTRIES, industryOfKeyItem } from '../../../src/domain/key-industry'
import {
  CONTRACTS,
  COVERAGE_SCHEMAS,
  type Contract,
  FIXTURE_SCHEMAS,
  PATTERNS,
  ServiceManifestSchema,
  type ServiceManifest,
  isTypedContract,
} from './manifest-schema'
import { type AddressPolicy, DEVELOPMENT_POLICY } from '../gateway/address-policy'
import { endpointShapeProblems, endpointTransportProblems } from '../gateway/endpoint-rules'

/** One thing to fix: where (`items[2].kind`, `coverage.code`, "" for the root) and what, in English / Chinese. */
export interface ManifestProblem {
  path: string
  message: string
}

export type ManifestValidation = { ok: true; manifest: ServiceManifest } | { ok: false; problems: ManifestProblem[] }

type Json = Record<string, unknown>
type Segment = string | number

// TypeBox buffers 8 errors by default (a DoS guard); a manifest is bounded by
// the request body limit, so a larger but still finite buffer shows every problem.
const MAX_ERRORS = 1000

const manifestValidator = Compile(ServiceManifestSchema)
const coverageValidators = Object.fromEntries(
  Object.entries(COVERAGE_SCHEMAS).map(([level, schema]) => [level, Compile(schema)]),
) as Record<keyof typeof COVERAGE_SCHEMAS, Validator>
const fixtureValidators = Object.fromEntries(
  CONTRACTS.map((contract) => [contract, Compile(FIXTURE_SCHEMAS[contract])]),
) as Record<Contract, Validator>

const HTTP_URL = new RegExp(PATTERNS.httpUrl.source, 'u')

/**
 * Checks an agency's service manifest against 02-services.md and reports every
 * problem at once: the schema's structural errors (types, formats, enums,
 * unknown fields) and the rules across fields (unique item ids, endpoint per
 * contract, the endpoint rules of the address policy (development's unless
 * given), materials, fee items, key items per domain, fixtures per
 * contract). Pure: no I/O (production's name resolution is the caller's). On success the manifest is the input, typed.
 */
export function validateManifest(input: unknown, policy: AddressPolicy = DEVELOPMENT_POLICY): ManifestValidation {
  if (!isObject(input)) {
    return { ok: false, problems: [{ path: '', message: 'the manifest must be a JSON object / 服务清单必须是 JSON 对象' }] }
  }
  const problems = dedupe([...structuralProblems(input), ...crossFieldProblems(input, policy)])
  return problems.length === 0 ? { ok: true, manifest: input as ServiceManifest } : { ok: false, problems }
}

// ---------------------------------------------------------------------------
// Structural part: TypeBox errors → problems

// Unions (coverage, fixtures) report every branch's errors; those are replaced
// by the errors of the one branch the discriminator (level, contract) selects.
const BRANCHED = new Set(['coverage', 'fixtures'])

function structuralProblems(manifest: Json): ManifestProblem[] {
  const errors = collectErrors(manifestValidator, manifest).filter((e) => !BRANCHED.has(pointerSegments(e.instancePath)[0] ?? ''))
  const problems = errors.flatMap((e) => problemsOf(e, manifest, [], ServiceManifestSchema))
  if (Object.hasOwn(manifest, 'coverage')) problems.push(...coverageProblems(manifest.coverage))
  return problems
}

function coverageProblems(coverage: unknown): ManifestProblem[] {
  if (!isObject(coverage)) return [{ path: 'coverage', message: `must be an object / 必须是对象` }]
  const level = coverage.level
  if (typeof level === 'string' && Object.hasOwn(coverageValidators, level)) {
    const validator = coverageValidators[level as keyof typeof COVERAGE_SCHEMAS]
    return collectErrors(validator, coverage).flatMap((e) => problemsOf(e, coverage, ['coverage'], validator.Type()))
  }
  const path = 'coverage.level'
  return level === undefined ? [{ path, message: 'is required / 必填' }] : [{ path, message: oneOf(Object.keys(coverageValidators)) }]
}

function collectErrors(validator: Validator, value: unknown): TLocalizedValidationError[] {
  if (validator.Check(value)) return []
  const previous = Settings.Get().maxErrors
  Settings.Set({ maxErrors: MAX_ERRORS })
  try {
    return validator.Errors(value)
  } finally {
    Settings.Set({ maxErrors: previous })
  }
}

/** Turns one TypeBox error (instance path relative to `value`) into problems with full paths. */
function problemsOf(error: TLocalizedValidationError, value: unknown, prefix: Segment[], schema: TSchema): ManifestProblem[] {
  const at = resolveSegments(value, pointerSegments(error.instancePath))
  const here = formatPath([...prefix, ...at])
  const child = (key: string) => formatPath([...prefix, ...at, key])
  switch (error.keyword) {
    case 'required':
      return error.params.requiredProperties.map((key) => ({ path: child(key), message: 'is required / 必填' }))
    case 'additionalProperties':
      return error.params.additionalProperties.map((key) => ({ path: child(key), message: 'unknown field; remove it / 不认识的字段，请删除' }))
    case 'boolean':
      // The per-key half of additionalProperties: false, reported above once per key.
      return []
    case 'type':
      return [{ path: here, message: typeMessage(error.params.type) }]
    case 'enum':
      return [{ path: here, message: oneOf(error.params.allowedValues.map(String)) }]
    case 'const':
      return [{ path: here, message: `must be ${String(error.params.allowedValue)} / 必须是 ${String(error.params.allowedValue)}` }]
    case 'pattern':
      return [{ path: here, message: patternMessage(error.params.pattern) }]
    case 'minLength':
      return [{ path: here, message: `must have at least ${error.params.limit} characters / 至少 ${error.params.limit} 个字` }]
    case 'maxLength':
      return [{ path: here, message: `must have at most ${error.params.limit} characters / 最多 ${error.params.limit} 个字` }]
    case 'minItems':
      return [
        {
          path: here,
          message:
            error.params.limit === 1 ? 'must not be empty / 不能为空' : `must have at least ${error.params.limit} entries / 至少 ${error.params.limit} 项`,
        },
      ]
    case 'maxItems':
      return [{ path: here, message: `must have at most ${error.params.limit} entries / 最多 ${error.params.limit} 项` }]
    case 'uniqueItems':
      return [{ path: here, message: 'must not repeat an entry / 不能有重复项' }]
    case 'minProperties': {
      const keys = Object.keys((schemaAt(schema, error.schemaPath)?.properties ?? {}) as Json)
      return [{ path: here, message: `needs at least one of ${keys.join(', ')} / 至少填写 ${keys.join('、')} 之一` }]
    }
    case 'minimum':
      return [{ path: here, message: `must be at least ${error.params.limit} / 不能小于 ${error.params.limit}` }]
    case 'maximum':
      return [{ path: here, message: `must be at most ${error.params.limit} / 不能大于 ${error.params.limit}` }]
    default:
      return [{ path: here, message: `${error.message} / 不符合要求` }]
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string / 必须是字符串',
  number: 'a number / 必须是数字',
  integer: 'an integer / 必须是整数',
  boolean: 'true or false / 必须是 true 或 false',
  object: 'an object / 必须是对象',
  array: 'an array / 必须是数组',
  null: 'null / 必须是 null',
}

function typeMessage(type: string | string[]): string {
  const name = TYPE_NAMES[String(type)]
  return name ? `must be ${name}` : `must be of type ${String(type)} / 类型不正确`
}

function oneOf(values: readonly string[]): string {
  const zh = values.length === 2 ? `必须是 ${values[0]} 或 ${values[1]}` : `必须是以下之一：${values.join('、')}`
  return `must be one of ${values.join(', ')} / ${zh}`
}

const PATTERN_MESSAGES = new Map<string, string>(Object.values(PATTERNS).map((p) => [p.source, p.message]))

function patternMessage(pattern: string | RegExp): string {
  return PATTERN_MESSAGES.get(String(pattern)) ?? 'has the wrong format / 格式不正确'
}

// ---------------------------------------------------------------------------
// Rules across fields. They read the raw input defensively: each rule only
// speaks when the fields it relates have the right shape, so a wrong type is
// reported once, by the structural part.

function crossFieldProblems(m: Json, policy: AddressPolicy): ManifestProblem[] {
  const items = Array.isArray(m.items) ? m.items.map((item) => (isObject(item) ? item : {})) : undefined
  const contract = typeof m.contract === 'string' && (CONTRACTS as readonly string[]).includes(m.contract) ? (m.contract as Contract) : undefined
  return [
    ...duplicateItemIds(items ?? []),
    ...keyItemsOutsideDomain(items ?? [], m.domain),
    ...endpointProblems(m, contract, policy),
    ...materialsProblems(items ?? [], m.docs),
    ...paymentProblems(items, m.payments),
    ...fixtureProblems(m, contract),
  ]
}

function duplicateItemIds(items: Json[]): ManifestProblem[] {
  const firstIndex = new Map<string, number>()
  const problems: ManifestProblem[] = []
  items.forEach((item, i) => {
    if (typeof item.id !== 'string') return
    const first = firstIndex.get(item.id)
    if (first === undefined) firstIndex.set(item.id, i)
    else {
      problems.push({
        path: `items[${i}].id`,
        message: `repeats the id of items[${first}]; item ids must be unique / 与 items[${first}] 的 id 重复，事项 id 不能重复`,
      })
    }
  })
  return problems
}

function keyItemsOutsideDomain(items: Json[], domain: unknown): ManifestProblem[] {
  if (typeof domain !== 'string' || !Object.hasOwn(DOMAINS, domain)) return []
  return items.flatMap((item, i) => {
    const industry = typeof item.keyItem === 'string' ? industryOfKeyItem(item.keyItem) : undefined
    if (industry === undefined || industry === domain) return []
    const label = KEY_INDUSTRIES[industry].label
    return [
      {
        path: `items[${i}].keyItem`,
        message:
          `${String(item.keyItem)} is a ${label} (${industry}) item; it fits only services of domain ${industry}, not ${domain} / ` +
          `${String(item.keyItem)} 属于${label}，只能用于 ${industry} 领域的服务，不能用于${DOMAINS[domain as Domain]}`,
      },
    ]
  })
}

function endpointProblems(m: Json, contract: Contract | undefined, policy: AddressPolicy): ManifestProblem[] {
  if (contract === undefined) return endpointRuleProblems(m.endpoint, policy)
  const hasEndpoint = Object.hasOwn(m, 'endpoint')
  const hasMiniprogram = Object.hasOwn(m, 'miniprogram')
  const problems: ManifestProblem[] = []
  if (contract === 'miniprogram') {
    if (!hasMiniprogram) {
      problems.push({ path: 'miniprogram', message: 'is required for contract miniprogram (appId and path) / miniprogram 合约必须填写 appId 和 path' })
    }
    if (hasEndpoint) {
      problems.push({ path: 'endpoint', message: 'is not used by contract miniprogram; remove it / miniprogram 合约不填写 endpoint，请删除' })
    }
    return problems
  }
  if (hasEndpoint) problems.push(...endpointRuleProblems(m.endpoint, policy))
  else problems.push({ path: 'endpoint', message: `is required for contract ${contract} / ${contract} 合约必须填写 endpoint` })
  if (hasMiniprogram) {
    problems.push({ path: 'miniprogram', message: `is only for contract miniprogram, not ${contract}; remove it / 仅 miniprogram 合约填写此项，请删除` })
  }
  return problems
}

// The endpoint rules (02-services.md) as the URL parser reads them: no query, fragment or user info; the policy's scheme and host.
function endpointRuleProblems(endpoint: unknown, policy: AddressPolicy): ManifestProblem[] {
  if (typeof endpoint !== 'string' || !HTTP_URL.test(endpoint)) return []
  const shape = endpointShapeProblems(endpoint)
  const problems = shape.length > 0 ? shape : endpointTransportProblems(endpoint, policy)
  return problems.map((message) => ({ path: 'endpoint', message }))
}

function materialsProblems(items: Json[], docs: unknown): ManifestProblem[] {
  const hasTransactions = items.some((item) => item.kind === 'transaction')
  if (!hasTransactions || !isObject(docs) || !Array.isArray(docs.materials) || docs.materials.length > 0) return []
  return [{ path: 'docs.materials', message: 'must list at least one material: the service has transaction items / 有办理类事项，必须列出所需材料' }]
}

function paymentProblems(items: Json[] | undefined, payments: unknown): ManifestProblem[] {
  if (!isObject(payments)) return []
  const feeItems = payments.feeItems
  const problems: ManifestProblem[] = []
  if (items !== undefined && Array.isArray(feeItems)) {
    const ids = new Set(items.map((item) => item.id))
    feeItems.forEach((id, i) => {
      if (typeof id === 'string' && !ids.has(id)) {
        problems.push({ path: `payments.feeItems[${i}]`, message: `${id} is not an item id of this service / ${id} 不是本服务的事项 id` })
      }
    })
  }
  if (payments.takesPayments === true && (feeItems === undefined || (Array.isArray(feeItems) && feeItems.length === 0))) {
    problems.push({ path: 'payments.feeItems', message: 'must name the fee-bearing items when takesPayments is true / 收取费用时必须列出收费事项' })
  }
  return problems
}

function fixtureProblems(m: Json, contract: Contract | undefined): ManifestProblem[] {
  if (contract === undefined) return []
  if (!Object.hasOwn(m, 'fixtures')) {
    if (!isTypedContract(contract)) return []
    const keys = Object.keys((schemaAt(FIXTURE_SCHEMAS[contract], '#')?.properties ?? {}) as Json)
    return [
      { path: 'fixtures', message: `is required for contract ${contract}: ${keys.join(', ')} / ${contract} 合约必须提供测试数据：${keys.join('、')}` },
    ]
  }
  const validator = fixtureValidators[contract]
  return collectErrors(validator, m.fixtures).flatMap((e) => problemsOf(e, m.fixtures, ['fixtures'], validator.Type()))
}

// ---------------------------------------------------------------------------
// Paths

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

// Array positions become numbers, so a key "0" of an object stays a key.
function resolveSegments(value: unknown, keys: string[]): Segment[] {
  const out: Segment[] = []
  let current = value
  for (const key of keys) {
    if (Array.isArray(current)) {
      out.push(Number(key))
      current = current[Number(key)]
    } else {
      out.push(key)
      current = isObject(current) ? current[key] : undefined
    }
  }
  return out
}

/** `items[2].kind` from ['items', 2, 'kind']; "" for the root. */
export function formatPath(segments: readonly Segment[]): string {
  return segments.reduce<string>((path, s) => (typeof s === 'number' ? `${path}[${s}]` : path === '' ? s : `${path}.${s}`), '')
}

function schemaAt(schema: TSchema, schemaPath: string): Json | undefined {
  let node: unknown = schema
  for (const key of pointerSegments(schemaPath.replace(/^#/, ''))) node = isObject(node) ? node[key] : undefined
  return isObject(node) ? node : undefined
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function dedupe(problems: ManifestProblem[]): ManifestProblem[] {
  const seen = new Set<string>()
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
