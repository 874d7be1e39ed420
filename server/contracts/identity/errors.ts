/** The identity@1 error codes besides COMMON_ERRORS, with their HTTP status. */
export const IDENTITY_ERRORS = {} as const satisfies Record<string, number>
