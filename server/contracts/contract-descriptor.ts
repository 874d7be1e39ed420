import type { Static, TSchema } from 'typebox'
import type { Domain, ItemKind, ServiceType } from '../../src/domain/catalog'
import type { Operation } from './common'
import type { ConformanceRun } from './conformance-run'

/** One item of a demo tile: its name, kind and the key-industry item it provides, if any. */
export type DemoItemSpec = [name: string, kind: ItemKind, keyItem?: string]

/** A demo catalog tile (server/seed/demo-catalog.ts): what every demo agency of this contract lists. */
export interface DemoTemplate {
  /** Service id suffix, e.g. `traffic` → `chengdu-traffic`; replaces the web-view tile with the same key. */
  key: string
  name: string
  summary: string
  icon: string
  domain: Domain
  type: ServiceType
  /** The agency's name, after the city's for local tiles. */
  agency: string
  items: DemoItemSpec[]
}

/** What the demo agencies of a contract declare in their manifests, and their catalog tile. */
export interface ContractDemo<F extends TSchema> {
  /** Fixtures the simulated agency answers well for. */
  fixtures: Static<F>
  /** privacy.dataUsed */
  dataUsed: string[]
  /** docs.fees, for contracts that take payments (the demo manifest then lists its transactions as fee items). */
  fees?: string
  template: DemoTemplate
}

/**
 * Everything the platform knows about one typed agency contract: onboarding,
 * the review, OpenAPI, the mocks' registry check and the demo catalog all
 * derive from it (server/contracts/index.ts lists them).
 */
export interface ContractDescriptor<Id extends string, Ops extends readonly Operation[], F extends TSchema> {
  /** e.g. 'traffic@1' */
  id: Id
  /** Chinese name, e.g. 交通违法 (the console's help list). */
  name: string
  /** citizen: services citizens open in the app; platform: the platform's own agencies (real-name checks, payments). */
  audience: 'citizen' | 'platform'
  operations: Ops
  /** The contract's error codes besides COMMON_ERRORS, with their HTTP status. */
  errors: Record<string, number>
  /** The schema of the fixtures a manifest of this contract gives its conformance suite. */
  fixtures: F
  /**
   * The conformance suite: every operation with the manifest's fixtures, plus
   * the contract's "not found" and business-rule answers. A review never
   * changes real state. Answers the operation whose request the load run and
   * signature cases repeat.
   */
  suite(run: ConformanceRun<Ops[number]['name']>, fixtures: Static<F>, now: number): Promise<Ops[number]['name']>
  demo: ContractDemo<F>
}

/** A descriptor of any contract, as the derived lists hold them. */
export type AnyContract = ContractDescriptor<string, readonly Operation[], TSchema>

/** The descriptor as given, fully type-checked against its operations and fixture schema. */
export function defineContract<const Id extends string, const Ops extends readonly Operation[], F extends TSchema>(
  descriptor: ContractDescriptor<Id, Ops, F>,
): ContractDescriptor<Id, Ops, F> {
  return descriptor
}
