import type { Config } from '../../config'
import type { LookupKey } from '../../crypto/lookup-key'
import type { SecretBox } from '../../crypto/secret-box'
import type { Db, Queryable } from '../../db/db'
import type { AgencyNetwork } from '../gateway/agency-network'

/** Addresses known only once the platform and the simulated agencies listen. */
export interface PlatformLinks {
  /** The WeChat API base (configured, or the simulated WeChat on the mock host); undefined while unknown. */
  wechatBase(): string | undefined
  /** Where agencies reach the platform (payment notify). */
  publicUrl(): string
}

/** What the citizen-facing modules share. */
export interface CitizenDeps {
  db: Db
  box: SecretBox
  lookup: LookupKey
  config: Config
  links: PlatformLinks
  /** Where agency calls may connect (config.agencyNetwork, checked at connect time). */
  network: AgencyNetwork
}

/**
 * What a module removes from an account whose identity a face check moved to
 * another account (e.g. the hospital's 本人 patient): data bound to that
 * person, in the move's transaction. The person is the moved identity.
 */
export type IdentityReleased = (tx: Queryable, citizenId: string, person: { name: string; idNumber: string }) => Promise<void>
