/** The identity@1 error codes besides COMMON_ERRORS, with their HTTP status. */
export const IDENTITY_ERRORS = {
  FACE_CHECK_NOT_FOUND: 404,
} as const satisfies Record<string, number>
