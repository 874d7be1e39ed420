import type { City } from '../domain/city'
import type { ConsentStatus } from '../stores/consent-store'

/** What the app does next on start, given what it remembers. */
export type LaunchStep =
  /** Show the privacy notice; nothing is collected before an answer. */
  | 'ask-consent'
  /** Agreed, no city yet: find the nearest city from the device's position. */
  | 'locate'
  /** Refused, no city yet: let the citizen pick one. */
  | 'pick-city'
  /** Answered and a city is remembered: show its services, ask nothing. */
  | 'ready'

/**
 * The first-launch flow as a function of state: the privacy notice whenever
 * there is no answer to the current notice, then a remembered city is used as
 * is; without one, location (only with consent), else the manual picker.
 */
export function nextLaunchStep(consent: ConsentStatus, city: City | null): LaunchStep {
  if (consent === 'undecided') return 'ask-consent'
  if (city) return 'ready'
  return consent === 'agreed' ? 'locate' : 'pick-city'
}
