import type { Indicator } from './smart-index'

/**
 * The Chinese names of the six indicators, exactly as the 2016 report and
 * 03-index.md write them: what analysts see and may use as CSV headers.
 */
export const INDICATOR_LABELS: Record<Indicator, string> = {
  value: '服务项目价值',
  stars: '服务质量星级',
  mau: '月活跃用户数',
  returnRate: '回流率',
  failureRate: '故障率',
  richness: '重点行业丰富度',
}
