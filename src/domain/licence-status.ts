/** Points in one scoring cycle after which the licence holder must attend study (道路交通安全违法行为记分管理办法). */
export const FULL_POINTS = 12

/** The licence's scoring status in Chinese. */
export function licenceStatusLabel(status: string): string {
  return status === 'full' ? `已记满 ${FULL_POINTS} 分，需参加学习和考试` : '正常'
}
