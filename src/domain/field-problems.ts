import type { FieldProblem } from './citizen-forms'

/** A validation detail of the platform's error body: path like "body.plate". */
export interface ErrorDetail {
  path: string
  message: string
}

/** The first message for each field, ready to show under it. */
export function problemsByField<F extends string>(problems: FieldProblem<F>[]): Partial<Record<F, string>> {
  const byField: Partial<Record<F, string>> = {}
  for (const p of problems) byField[p.field] ??= p.message
  return byField
}

/**
 * The server's validation details (paths "body.<field>") as field problems
 * for the form's own fields; details about anything else are left out.
 * `toMessage` turns a detail's message into what the app shows (e.g. its Chinese half).
 */
export function detailsToProblems<F extends string>(
  details: ErrorDetail[],
  fields: readonly F[],
  toMessage: (message: string) => string = (m) => m,
): FieldProblem<F>[] {
  const problems: FieldProblem<F>[] = []
  for (const d of details) {
    const field = d.path.replace(/^\/?body[./]/, '') as F
    if (fields.includes(field)) problems.push({ field, message: toMessage(d.message) })
  }
  return problems
}
