/** The kinds of thing citizens pay for, each fulfilled by its service module (wired in server/app.ts). */
export const SUBJECT_KINDS = ['violation', 'appointment'] as const
export type SubjectKind = (typeof SUBJECT_KINDS)[number]

/** What a payment pays for: a traffic violation by the police's id, a hospital appointment by the platform's id. */
export interface PaymentSubject {
  kind: SubjectKind
  id: string
}

/** The subject as the payments table keeps it: `kind:id` (e.g. `violation:5101000000000001`). */
export function formatSubject(subject: PaymentSubject): string {
  return `${subject.kind}:${subject.id}`
}

/** The subject a stored `kind:id` names; throws on text that names no known kind. */
export function parseSubject(text: string): PaymentSubject {
  const colon = text.indexOf(':')
  const kind = text.slice(0, colon)
  if (colon < 1 || colon === text.length - 1 || !(SUBJECT_KINDS as readonly string[]).includes(kind)) throw new Error(`not a payment subject: ${text}`)
  return { kind: kind as SubjectKind, id: text.slice(colon + 1) }
}
