import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyBaseLogger } from 'fastify'
import type { CitizenDeps, IdentityReleased } from './modules/citizens/citizen-deps'
import type { Fulfillers, Payments } from './modules/payments/payment-service'

/** What a service slice is built with: the citizen-facing deps and the payments module. */
export interface SliceDeps extends CitizenDeps {
  payments: Payments
}

/**
 * A typed citizen service (traffic, hospital, utilities…) as the platform
 * wires it: its routes, what its payments pay for, and its background work.
 * One per module (server/modules/<m>/slice.ts), listed once in server/slices.ts.
 */
export interface Slice {
  /** e.g. 'traffic', for logs. */
  name: string
  /** The slice's citizen routes. */
  routes: FastifyPluginAsyncTypebox<SliceDeps>
  /** The kinds of payment it opens, each with the fulfiller that tells its agency once paid. */
  fulfillers?: (deps: CitizenDeps) => Fulfillers
  /** Work its sweep does on the platform's schedule (ONECITY_BOOKING_SWEEP_S), e.g. releasing unpaid numbers. */
  sweep?: (deps: SliceDeps) => (log: FastifyBaseLogger) => Promise<unknown>
  /** What it removes from an account whose identity moved to another account (data bound to that person). */
  identityReleased?: (deps: CitizenDeps) => IdentityReleased
}

/** Every slice's clean-up for an account that lost its identity, run in order. */
export function identityReleasedOf(slices: readonly Slice[], deps: CitizenDeps): IdentityReleased {
  const all = slices.flatMap((s) => (s.identityReleased ? [s.identityReleased(deps)] : []))
  return async (tx, citizenId, person) => {
    for (const release of all) await release(tx, citizenId, person)
  }
}

/** The fulfillers of every slice in one table; a kind two slices claim is a wiring mistake, refused at start. */
export function fulfillersOf(slices: readonly Slice[], deps: CitizenDeps): Fulfillers {
  const all: Record<string, Fulfillers[string]> = {}
  for (const slice of slices) {
    for (const [kind, fulfil] of Object.entries(slice.fulfillers?.(deps) ?? {})) {
      if (all[kind]) throw new Error(`payment kind ${kind} is fulfilled by two slices`)
      all[kind] = fulfil
    }
  }
  return all
}
