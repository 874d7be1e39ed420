/** What every 公积金 page says before 实名认证 (the fund centre finds the account by the verified ID number). */
export const FUND_IDENTITY_TEXT = '查询公积金需要先完成实名认证'

/** Refusals that no 重试 can change, each with what to tell the citizen instead. */
export const FUND_FINAL_ANSWERS: Record<string, string> = {
  ACCOUNT_NOT_FOUND: '未查询到你在本市的公积金账户',
  LOAN_NOT_FOUND: '未找到这笔贷款，它可能已不在你的名下',
}
