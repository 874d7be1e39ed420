import type { FieldProblem } from '../../../src/domain/citizen-forms'
import { HttpError } from '../../errors'

/** The citizen's form problems as the uniform error: every field at once, each message saying what to fix. */
export function formProblems(problems: FieldProblem<string>[]): HttpError {
  return new HttpError(
    422,
    'VALIDATION_FAILED',
    `Check the marked fields / ${problems.map((p) => p.message).join('；')}`,
    problems.map((p) => ({ path: `body.${p.field}`, message: p.message })),
  )
}
