/** The social-security@1 error codes besides COMMON_ERRORS, with their HTTP status. */
export const SOCIAL_SECURITY_ERRORS = {
  PERSON_NOT_FOUND: 404,
  INVALID_RANGE: 422,
} as const
export type SocialSecurityErrorCode = keyof typeof SOCIAL_SECURITY_ERRORS
