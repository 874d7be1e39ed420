/** How a platform→agency call for a citizen failed (call-operation.ts decides, the probes module shows the counts). */
export type GatewayErrorKind = 'timeout' | 'unreachable' | 'server-error' | 'invalid'
export const GATEWAY_ERROR_KINDS: readonly GatewayErrorKind[] = ['timeout', 'unreachable', 'server-error', 'invalid']
