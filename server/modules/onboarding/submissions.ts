/**
 * What the review and the probes read of onboarding (a submission, an
 * agency's own service, a service's owner, the latest review's summary) and
 * the audit log they append to: through here, not the repository.
 */
export { type ReviewSummary, appendAudit, findServiceOwner, findSubmission, getAgencyService } from './repository'
