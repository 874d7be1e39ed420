/**
 * Who may use each operation of the published API (/openapi.json): the
 * expectation table of the authorisation matrix (authorization-matrix.test.ts).
 * Every operation must have an entry, keyed `METHOD /path` exactly as
 * /openapi.json spells it; an operation without one fails the matrix with its
 * name. Adding a route is one line here.
 *
 * - `public`: every caller gets past the door (no 401/403).
 * - `signed`: only a caller holding a signing secret (an agency's callback):
 *   every caller of the matrix is refused with 4xx.
 * - `citizen`: any citizen session; everyone else 401.
 * - `own-citizen`: a path naming one of citizen A's things: A gets past the
 *   door, citizen B gets 404 (the thing is not disclosed), everyone else 401.
 * - `citizen-step-up`: any citizen session, which must also have passed a
 *   face check (人脸核身) in the last 5 minutes: a citizen without one gets
 *   403 FACE_CHECK_REQUIRED, everyone else 401.
 * - `token`: any platform token (agency, operator, analyst); everyone else 401.
 * - `agency` / `operator` / `analyst`: that role only: the other platform
 *   roles 403, citizens and anonymous callers 401.
 * - `own-agency`: a path naming agency A's service: agency A gets past the
 *   door, agency B 404 or 403, the rest as for `agency`.
 */
export type Access = 'public' | 'signed' | 'citizen' | 'citizen-step-up' | 'own-citizen' | 'token' | 'agency' | 'own-agency' | 'operator' | 'analyst'

export const ROUTE_ACCESS: Readonly<Record<string, Access>> = {
  'GET /healthz': 'public',
  'GET /v1/cities': 'public',
  'GET /v1/cities/nearest': 'public',
  'GET /v1/catalog': 'public',
  'POST /v1/usage': 'public',
  'POST /v1/sessions/simulated-code': 'public',
  'POST /v1/sessions': 'public',
  'POST /v1/payments/wechatpay/notify': 'signed',

  'GET /v1/whoami': 'token',
  'POST /v1/agency/signing-secret': 'agency',
  'POST /v1/admin/agencies/{id}/signing-secret': 'operator',
  'GET /v1/admin/platform-agencies': 'operator',
  'PUT /v1/admin/platform-agencies': 'operator',
  'POST /v1/me/face-checks': 'citizen',
  'GET /v1/me/face-checks/{checkId}': 'citizen',
  'POST /v1/me/face-checks/{checkId}/result': 'citizen',
  'POST /v1/me/face-checks/{checkId}/simulated': 'citizen',
  'GET /v1/me/notices': 'citizen',

  'POST /v1/admin/agencies': 'operator',
  'GET /v1/admin/agencies': 'operator',
  'POST /v1/admin/tokens': 'operator',
  'GET /v1/admin/tokens': 'operator',
  'DELETE /v1/admin/tokens/{id}': 'operator',
  'GET /v1/admin/submissions/{id}/review': 'operator',
  'POST /v1/admin/submissions/{id}/review': 'operator',
  'GET /v1/admin/submissions': 'operator',
  'GET /v1/admin/submissions/{id}': 'operator',
  'POST /v1/admin/submissions/{id}/list': 'operator',
  'POST /v1/admin/submissions/{id}/reject': 'operator',
  'POST /v1/admin/services/{id}/suspend': 'operator',
  'GET /v1/admin/audit': 'operator',
  'GET /v1/admin/probes': 'operator',
  'GET /v1/admin/probes/cities': 'operator',
  'POST /v1/admin/services/{id}/maintenance': 'operator',

  'POST /v1/agency/services': 'agency',
  'GET /v1/agency/services': 'agency',
  'GET /v1/agency/services/{id}': 'own-agency',
  'GET /v1/agency/services/{id}/review': 'own-agency',
  'GET /v1/agency/probes': 'agency',
  'POST /v1/agency/services/{id}/maintenance': 'own-agency',
  'GET /v1/agency/services/{id}/stats': 'own-agency',
  'GET /v1/agency/tickets': 'agency',
  'GET /v1/agency/tickets/{ticketId}': 'own-agency',
  'POST /v1/agency/tickets/{ticketId}/callback': 'own-agency',
  'POST /v1/agency/tickets/{ticketId}/fix': 'own-agency',
  'POST /v1/agency/tickets/{ticketId}/appeal': 'own-agency',
  'GET /v1/admin/tickets': 'operator',
  'GET /v1/admin/appeals': 'operator',
  'POST /v1/admin/appeals/{appealId}/decision': 'operator',
  'GET /v1/stats/satisfaction': 'analyst',

  'GET /v1/stats/activity': 'analyst',
  'GET /v1/stats/index': 'analyst',
  'GET /v1/stats/domains': 'analyst',
  'GET /v1/stats/types': 'analyst',
  'GET /v1/stats/local-national': 'analyst',
  'GET /v1/stats/top-cities': 'analyst',
  'GET /v1/stats/trends': 'analyst',
  'GET /v1/stats/leapfrog': 'analyst',
  'GET /v1/stats/uploads': 'analyst',
  'POST /v1/stats/weights': 'analyst',
  'POST /v1/stats/rankings': 'analyst',

  'DELETE /v1/sessions/current': 'citizen',
  'GET /v1/me': 'citizen',
  'POST /v1/me/identity': 'citizen',
  'GET /v1/me/records': 'citizen',
  'GET /v1/me/messages': 'citizen',
  'GET /v1/me/messages/unread-count': 'citizen',
  'POST /v1/me/messages/read': 'citizen',
  'GET /v1/me/subscriptions': 'citizen',
  'POST /v1/me/subscriptions': 'citizen',
  'GET /v1/me/ratings': 'citizen',
  'GET /v1/me/records/{recordId}/rating': 'own-citizen',
  'POST /v1/me/records/{recordId}/rating': 'own-citizen',
  'POST /v1/me/records/{recordId}/rating/follow-up': 'own-citizen',
  'GET /v1/me/vehicles': 'citizen',
  'POST /v1/me/vehicles': 'citizen',
  'DELETE /v1/me/vehicles/{vehicleId}': 'own-citizen',
  'GET /v1/me/payments': 'citizen',
  'GET /v1/me/payments/{orderId}/receipt': 'own-citizen',
  'POST /v1/me/payments/{orderId}/close': 'own-citizen',
  'GET /v1/me/payments/{orderId}': 'own-citizen',
  'POST /v1/me/payments/{orderId}/simulated-pay': 'own-citizen',
  'GET /v1/me/patients': 'citizen',
  'POST /v1/me/patients': 'citizen',
  'DELETE /v1/me/patients/{patientId}': 'own-citizen',
  'GET /v1/me/appointments': 'citizen',
  'GET /v1/me/appointments/{appointmentId}': 'own-citizen',
  'POST /v1/me/appointments/{appointmentId}/cancel': 'own-citizen',

  'GET /v1/services/{serviceId}/vehicles/{vehicleId}/violations': 'own-citizen',
  'GET /v1/services/{serviceId}/vehicles/{vehicleId}/violations/{violationId}': 'own-citizen',
  'POST /v1/services/{serviceId}/vehicles/{vehicleId}/violations/{violationId}/payments': 'own-citizen',
  'GET /v1/services/{serviceId}/licence': 'citizen',
  'GET /v1/services/{serviceId}/hospitals': 'citizen',
  'GET /v1/services/{serviceId}/hospitals/{hospitalId}/departments': 'citizen',
  'GET /v1/services/{serviceId}/hospitals/{hospitalId}/departments/{departmentId}/doctors': 'citizen',
  'GET /v1/services/{serviceId}/hospitals/{hospitalId}/dates': 'citizen',
  'GET /v1/services/{serviceId}/hospitals/{hospitalId}/schedule': 'citizen',
  'GET /v1/services/{serviceId}/hospitals/{hospitalId}/visit-card': 'citizen',
  'POST /v1/services/{serviceId}/appointments': 'citizen',
  'GET /v1/services/{serviceId}/social-security/insured': 'citizen',
  'GET /v1/services/{serviceId}/social-security/contributions': 'citizen',
  'GET /v1/services/{serviceId}/social-security/medical-account': 'citizen',
  'GET /v1/services/{serviceId}/social-security/e-card': 'citizen',
  'GET /v1/services/{serviceId}/housing-fund/account': 'citizen',
  'GET /v1/services/{serviceId}/housing-fund/account-number': 'citizen-step-up',
  'GET /v1/services/{serviceId}/housing-fund/deposits': 'citizen',
  'GET /v1/services/{serviceId}/housing-fund/loans': 'citizen',
  'GET /v1/services/{serviceId}/housing-fund/loans/{loanId}/schedule': 'citizen',
  'GET /v1/services/{serviceId}/housing-fund/withdrawals/eligibility': 'citizen',
  'POST /v1/services/{serviceId}/housing-fund/withdrawals': 'citizen',
  'GET /v1/services/{serviceId}/utility-providers': 'citizen',
  'GET /v1/services/{serviceId}/utility-accounts': 'citizen',
  'POST /v1/services/{serviceId}/utility-accounts': 'citizen',
  'POST /v1/services/{serviceId}/utility-accounts/check': 'citizen',
  'DELETE /v1/services/{serviceId}/utility-accounts/{accountId}': 'own-citizen',
  'GET /v1/services/{serviceId}/utility-accounts/{accountId}/bills': 'own-citizen',
  'POST /v1/services/{serviceId}/utility-accounts/{accountId}/bill-payments': 'own-citizen',
  'POST /v1/services/{serviceId}/utility-accounts/{accountId}/top-ups': 'own-citizen',
  'GET /v1/services/{serviceId}/utility-accounts/{accountId}/payments': 'own-citizen',
}
