import type { FastifyBaseLogger } from 'fastify'
import { formatYuan } from '../../../src/domain/money'
import { housingFundContract } from '../../contracts/housing-fund'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { requireIdentity, requireRecentFaceCheck } from '../citizens/identity-service'
import { addRecord } from '../citizens/records-service'
import { yearMonths } from '../citizens/year-months'
import { agencyKeyFor } from '../gateway/agency-key'
import { notifyCaseChange } from '../messages/messages-service'
import { agencyFor } from '../gateway/bound-agency'
import type { DepositYearT, WithdrawalAnswerT, WithdrawalBodyT } from '../../../src/api/housing-fund'

/**
 * 公积金 through the city's fund centre (housing-fund@1) for the verified
 * citizen, whose ID number goes only to this centre in signed requests. A
 * withdrawal application is a transaction: it is written to 办事记录 once,
 * however often the app retries it.
 */
export function createHousingFund(deps: CitizenDeps) {
  /** The centre and the verified citizen's ID number (403 IDENTITY_REQUIRED before 实名认证). */
  async function centreFor(serviceId: string, citizenId: string, log: FastifyBaseLogger) {
    const { idNumber } = await requireIdentity(deps.db, deps.box, citizenId)
    return { centre: await agencyFor(deps, serviceId, housingFundContract, log), idNumber }
  }

  return {
    /** The fund account: balance, status, monthly deposit by part; the account number masked. */
    async account(serviceId: string, citizenId: string, log: FastifyBaseLogger) {
      const { centre, idNumber } = await centreFor(serviceId, citizenId, log)
      return centre.call('getAccount', { body: { idNumber } })
    },

    /** The full account number (the citizen tapped to see it): 403 FACE_CHECK_REQUIRED without a face check in the last 5 minutes. */
    async accountNumber(serviceId: string, citizenId: string, log: FastifyBaseLogger) {
      const { centre, idNumber } = await centreFor(serviceId, citizenId, log)
      await requireRecentFaceCheck(deps.db, citizenId)
      return centre.call('getAccountNumber', { body: { idNumber } })
    },

    /** The citizen's fund loans. */
    async loans(serviceId: string, citizenId: string, log: FastifyBaseLogger) {
      const { centre, idNumber } = await centreFor(serviceId, citizenId, log)
      return centre.call('listLoans', { body: { idNumber } })
    },

    /** Each withdrawal reason: whether the citizen may withdraw, up to how much, and why not. */
    async eligibility(serviceId: string, citizenId: string, log: FastifyBaseLogger) {
      const { centre, idNumber } = await centreFor(serviceId, citizenId, log)
      return centre.call('getWithdrawalEligibility', { body: { idNumber } })
    },

    /** Deposit, interest and withdrawal records of one calendar year (422 YEAR_IN_FUTURE). */
    async deposits(serviceId: string, citizenId: string, year: number, log: FastifyBaseLogger): Promise<DepositYearT> {
      const range = yearMonths(year)
      const { centre, idNumber } = await centreFor(serviceId, citizenId, log)
      return { year, ...(await centre.call('listDeposits', { body: { idNumber, ...range } })) }
    },

    /** A loan's repayment schedule. */
    async loanSchedule(serviceId: string, citizenId: string, loanId: string, log: FastifyBaseLogger) {
      const { centre, idNumber } = await centreFor(serviceId, citizenId, log)
      return centre.call('getLoanSchedule', { body: { idNumber, loanId } })
    },

    /**
     * Applies to withdraw: the same idempotencyKey is the same application at
     * the centre, and the application is recorded in 办事记录 once. Moving
     * money needs a face check in the last 5 minutes (403 FACE_CHECK_REQUIRED).
     */
    async applyWithdrawal(serviceId: string, citizenId: string, body: WithdrawalBodyT, log: FastifyBaseLogger): Promise<WithdrawalAnswerT> {
      const { centre, idNumber } = await centreFor(serviceId, citizenId, log)
      await requireRecentFaceCheck(deps.db, citizenId)
      const requestId = agencyKeyFor(citizenId, body.idempotencyKey)
      const application = await centre.call('applyWithdrawal', { body: { idNumber, reason: body.reason, amountFen: body.amountFen, requestId } })
      await addRecord(deps.db, {
        citizenId,
        serviceId,
        what: `公积金${application.reasonName}申请（${formatYuan(application.amountFen)}）`,
        status: application.status === 'approved' ? 'done' : 'pending',
        amountFen: application.amountFen,
        ref: `withdrawal:${application.applicationNo}`,
      })
      // Decided at once (the centre approved it): the citizen is told. One reviewed at the counter is decided there.
      if (application.status === 'approved') await notifyCaseChange(deps, { ref: `withdrawal:${application.applicationNo}`, state: 'withdrawal-decided' })
      return { application }
    },
  }
}
