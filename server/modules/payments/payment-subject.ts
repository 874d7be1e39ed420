/**
 * What a payment pays for: a kind that names its fulfiller (each service
 * slice declares the kinds it fulfils, server/slices.ts) and the id of the
 * thing paid, e.g. `{ kind: 'violation', id: '5101000000000001' }`.
 */
export interface PaymentSubject {
  /** Lower-case letters and hyphens, e.g. violation, appointment. */
  kind: string
  id: string
}

const KIND = /^[a-z][a-z-]*$/

/** The subject as the payments table keeps it: `kind:id` (e.g. `violation:5101000000000001`). */
export function formatSubject(subject: PaymentSubject): string {
  if (!KIND.test(subject.kind)) throw new Error(`not a payment subject kind: ${subject.kind}`)
  return `${subject.kind}:${subject.id}`
}

/** The subject a stored `kind:id` names; throws on text that is not one. */
export function parseSubject(text: string): PaymentSubject {
  const colon = text.indexOf(':')
  const kind = text.slice(0, colon)
  if (colon < 1 || colon === text.length - 1 || !KIND.test(kind)) throw new Error(`not a payment subject: ${text}`)
  return { kind, id: text.slice(colon + 1) }
}
