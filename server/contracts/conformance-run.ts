/** What a suite's case sends: path parameters, query and JSON body of one operation. */
export interface OperationInput {
  params?: Record<string, string>
  query?: Record<string, string>
  body?: unknown
}

/**
 * What a contract's conformance suite needs from the review running it (the
 * review's SuiteRun implements it), so contracts do not depend on the review.
 * `Name` is the contract's operation names.
 */
export interface ConformanceRun<Name extends string = string> {
  /** A valid request: passes on 200 with a body matching the operation's response schema. Returns that body. */
  good<T = any>(op: Name, input: OperationInput, label?: string): Promise<T | undefined>
  /** A well-formed request that breaks a rule of the contract: passes on that status with that code in the error body. */
  rule(op: Name, input: OperationInput, expected: { status: number; code: string }, label: string): Promise<void>
  /** Records an expectation the suite checked itself as failed. */
  fail(op: Name, label: string, note: string): void
}
