import { Value } from 'typebox/value'
import { type Operation, fillPath } from '../../../contracts/common'
import type { ConformanceRun, OperationInput } from '../../../contracts/conformance-run'
import { MAX_SKEW_MS, type SigningKeys } from '../../../contracts/signing'
import { ErrorBody } from '../../../errors'
import {
  type AgencyAnswer,
  type AgencyRequest,
  type CallLimits,
  prepareRequest,
  sendPrepared,
  signPrepared,
} from '../../gateway/agency-client'

/** Thrown when the endpoint does not answer the first request at all: the rest of the suite is not run. */
export class EndpointUnreachable extends Error {
  constructor(readonly answer: AgencyAnswer) {
    super(answer.note)
  }
}

/** good: a valid request must get 200 and the contract's answer; rule: a valid request breaking a business rule must get that error; bad: an invalid request must get a structured 4xx; signature: an unsigned, forged, stale or replayed request must get 401. */
export type CaseKind = 'good' | 'rule' | 'bad' | 'signature'

export interface CaseRecord {
  kind: CaseKind
  op: string
  label: string
  passed: boolean
  ms: number
  /** Evidence: what was sent (no PII) and what came back. */
  note: string
  /** The answer's body, scanned for PII echoes; never stored. */
  text: string
}

const shorten = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…` : s)

function describe(answer: AgencyAnswer): string {
  if (answer.failure) return answer.note
  const code = (answer.json as { error?: { code?: unknown } } | undefined)?.error?.code
  return `HTTP ${answer.status}${typeof code === 'string' ? ` ${code}` : ''} in ${answer.ms} ms`
}

function schemaProblems(schema: Operation['response'], value: unknown): string {
  return [...Value.Errors(schema, value)]
    .slice(0, 3)
    .map((e) => `${e.instancePath || '/'} ${e.message}`)
    .join('; ')
}

/**
 * One run of a contract's conformance suite against an endpoint: sends the
 * cases, judges each answer and keeps the record the checks are computed from.
 */
export class SuiteRun implements ConformanceRun {
  readonly records: CaseRecord[] = []
  /** The last well-formed request per operation, the seed of its generated bad cases. */
  private readonly samples = new Map<string, AgencyRequest>()

  constructor(
    private readonly endpoint: string,
    private readonly secret: SigningKeys,
    private readonly ops: readonly Operation[],
    private readonly limits: CallLimits,
    private readonly now: () => number = Date.now,
  ) {}

  operation(name: string): Operation {
    const op = this.ops.find((o) => o.name === name)
    if (!op) throw new Error(`the contract has no operation ${name}`)
    return op
  }

  request(name: string, input: OperationInput): AgencyRequest {
    const op = this.operation(name)
    const path = fillPath(op.path, input.params)
    return { method: op.method, path, ...(input.query ? { query: input.query } : {}), ...(input.body !== undefined ? { body: input.body } : {}) }
  }

  /** The first answer of the run: the `available` probe. */
  first?: AgencyAnswer

  private async send(req: AgencyRequest): Promise<AgencyAnswer> {
    const prepared = prepareRequest(this.endpoint, req)
    const answer = await sendPrepared(prepared, signPrepared(prepared, this.secret, this.now()), this.limits)
    if (!this.first) {
      this.first = answer
      // Without an answer every other case would wait for its own timeout: stop at once.
      if (answer.failure === 'network' || answer.failure === 'timeout' || answer.failure === 'refused') throw new EndpointUnreachable(answer)
    }
    return answer
  }

  /** A freshly signed copy of an operation's last request (the load run's and probes' request). */
  sendSample(name: string): Promise<AgencyAnswer> {
    const prepared = prepareRequest(this.endpoint, this.samples.get(name)!)
    return sendPrepared(prepared, signPrepared(prepared, this.secret, this.now()), this.limits)
  }

  hasSample(name: string): boolean {
    return this.samples.has(name)
  }

  private record(kind: CaseKind, op: string, label: string, passed: boolean, answer: AgencyAnswer, why = ''): void {
    this.records.push({ kind, op, label, passed, ms: answer.ms, note: `${label}: ${describe(answer)}${why ? ` — ${why}` : ''}`, text: answer.text })
  }

  /** A valid request: passes on 200 with a body matching the operation's response schema. Returns that body. */
  async good<T = any>(name: string, input: OperationInput, label = `${name} with the fixtures`): Promise<T | undefined> {
    const op = this.operation(name)
    const req = this.request(name, input)
    this.samples.set(name, req)
    const answer = await this.send(req)
    if (answer.status !== 200) {
      this.record('good', name, label, false, answer, 'expected 200')
      return undefined
    }
    const problems = answer.json === undefined ? 'not JSON' : schemaProblems(op.response, answer.json)
    this.record('good', name, label, problems === '', answer, problems && `answer does not match ${op.name}'s schema: ${shorten(problems)}`)
    return problems === '' ? (answer.json as T) : undefined
  }

  /** An expectation the suite checked itself, failed: a contract case without an answer of its own. */
  fail(op: string, label: string, note: string): void {
    this.records.push({ kind: 'good', op, label, passed: false, ms: 0, note, text: '' })
  }

  /** A well-formed request that breaks a rule of the contract: passes on that status with that code in the error body. */
  async rule(name: string, input: OperationInput, expected: { status: number; code: string }, label: string): Promise<void> {
    const req = this.request(name, input)
    if (!this.samples.has(name)) this.samples.set(name, req)
    const answer = await this.send(req)
    const code = (answer.json as { error?: { code?: unknown } } | undefined)?.error?.code
    const passed = answer.status === expected.status && code === expected.code && Value.Check(ErrorBody, answer.json)
    this.record('rule', name, label, passed, answer, passed ? '' : `expected ${expected.status} ${expected.code} in the error body`)
  }

  /**
   * Invalid requests made from each operation's sample: an unknown field,
   * missing fields, malformed JSON, a malformed path parameter. Each must get a
   * 4xx with the uniform error body: never a 5xx, a hang or an unstructured answer.
   */
  async badInputs(): Promise<void> {
    const all: [op: string, label: string, req: AgencyRequest, wellFormed: boolean][] = []
    for (const [name, sample] of this.samples) {
      const cases: [string, string, AgencyRequest, boolean][] = []
      if (sample.body !== undefined && typeof sample.body === 'object') {
        cases.push([name, `${name} with an unknown field`, { ...sample, body: { ...(sample.body as object), unexpectedField: true } }, true])
        cases.push([name, `${name} with an empty object`, { ...sample, body: {} }, true])
        cases.push([name, `${name} with malformed JSON`, sample, false])
      }
      const op = this.operation(name)
      if (op.params) {
        const path = op.path.replace(/:([A-Za-z]+)/g, '~bad~')
        cases.push([name, `${name} with a malformed path parameter`, { ...sample, path }, true])
      }
      all.push(...cases)
    }
    await Promise.all(
      all.map(async ([name, label, req, wellFormed]) => {
        const answer = wellFormed ? await this.send(req) : await this.sendMalformed(req)
        const structured = answer.status !== undefined && answer.status >= 400 && answer.status < 500 && Value.Check(ErrorBody, answer.json)
        this.record('bad', name, label, structured, answer, structured ? '' : 'expected a 4xx with the error body { error: { code, message, details } }')
      }),
    )
  }

  private async sendMalformed(req: AgencyRequest): Promise<AgencyAnswer> {
    const prepared = { ...prepareRequest(this.endpoint, req), bodyText: '{"unterminated": ' }
    return sendPrepared(prepared, signPrepared(prepared, this.secret, this.now()), this.limits)
  }

  /** Unsigned, forged, stale, tampered and replayed copies of a good request: each must be refused with 401. */
  async signatures(name: string): Promise<void> {
    const sample = this.samples.get(name)
    if (!sample) return
    const prepared = prepareRequest(this.endpoint, sample)
    const now = this.now()
    const cases: [string, Record<string, string>][] = [
      ['unsigned request', {}],
      ['request signed with another secret', signPrepared(prepared, `${String(this.secret)}-forged`, now)],
      ['request signed 10 minutes ago', signPrepared(prepared, this.secret, now - 2 * MAX_SKEW_MS)],
      ['request whose signature covers another target', signPrepared({ ...prepared, target: `${prepared.target}${prepared.target.includes('?') ? '&' : '?'}x=1` }, this.secret, now)],
    ]
    const replayed = async () => {
      // The same signed request twice: the first is served, the copy must be refused.
      const headers = signPrepared(prepared, this.secret, now)
      await sendPrepared(prepared, headers, this.limits)
      return sendPrepared(prepared, headers, this.limits)
    }
    const answers = await Promise.all([...cases.map(([, headers]) => sendPrepared(prepared, headers, this.limits)), replayed()])
    const labels = [...cases.map(([label]) => label), 'replayed request (same nonce twice)']
    answers.forEach((answer, i) => this.record('signature', name, labels[i]!, answer.status === 401, answer, answer.status === 401 ? '' : 'expected 401'))
  }

  /** Operations of the contract no case reached. */
  unexercised(): string[] {
    const reached = new Set(this.records.filter((r) => r.kind === 'good' || r.kind === 'rule').map((r) => r.op))
    return this.ops.filter((o) => o.kind === 'call' && !reached.has(o.name)).map((o) => o.name)
  }
}
