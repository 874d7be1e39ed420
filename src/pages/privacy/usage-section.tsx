import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { formatChinaDateTime } from '../../domain/china-time'
import type { UsageLogEntry } from '../../domain/usage-log'
import { showNotice } from '../../services/navigation'
import { setUsageStatistics, startUsageReporter } from '../../services/usage-reporter'
import { selectMayCollect, useConsentStore } from '../../stores/consent-store'
import { useUsageQueueStore, useUsageStore } from '../../stores/usage-store'
import { UsageSwitch } from '../../components/usage-switch'

const EXAMPLE = '{"scope":"city:440300","month":"2026-11","returning":true,"first":false}'

const EXPLANATION = [
  '每个月你第一次用到某个范围时，手机发送一条“本月活跃”记录。范围是：全国、所在省、所在城市、服务类型、服务领域和具体服务，例如 city:440300 表示深圳市。',
  `一条记录只有四项：范围、月份，以及两个是或否的标记——上个月是否也用过（returning）、是否第一次用（first）。例如：${EXAMPLE}`,
  '另有打开、提交、成功、失败的次数和耗时，只记服务和城市，不带时间，也不带任何用户标识。',
  '记录里没有姓名、手机号、证件号、车牌，没有账号、设备号或它们的任何变换，也不附带登录信息。每批记录带一个随机批次号，只用来让重发的同一批只计一次，不与你或手机关联。',
  '为算出这两个标记，手机只在本机记住每个范围最近一次被计入的月份。换手机或清除数据后会被当作第一次使用；同一人用两台手机会被计为两人。',
]

function answerText(entry: UsageLogEntry): string {
  const { answer } = entry
  const code = answer.code ? ` ${answer.code}` : ''
  switch (entry.outcome) {
    case 'acknowledged':
      return entry.batch
        ? `服务器已接收（${answer.status}）：服务器月份 ${answer.month}，计入 ${answer.accepted} 条，重复 ${answer.duplicates} 条`
        : `服务器已答复（${answer.status}）：当前月份 ${answer.month}`
    case 'rejected':
      return `服务器拒收（${answer.status}${code}）：这批记录已丢弃，不再重发`
    case 'dropped':
      return '未能送达，且已过了可计入的月份或排队已满：已在手机上丢弃'
    case 'retrying':
      return answer.status === 0 ? '未送达（网络不通）：稍后原样重发同一批' : `服务器暂时无法接收（${answer.status}${code}）：稍后原样重发同一批`
  }
}

/** The JSON as it was sent, laid out for reading (the same content, only indented). */
function readablePayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2)
  } catch {
    return payload
  }
}

/**
 * 我的 → 隐私与统计, the statistics part: the switch 发送匿名使用统计, what one
 * record is, and every batch actually sent (newest first) with when and the
 * server's answer, so the citizen can check there is nothing about them.
 */
export function UsageSection() {
  const agreed = useConsentStore(selectMayCollect)
  const statsOn = useUsageStore((s) => s.statsOn)
  const log = useUsageStore((s) => s.log)
  const dropped = useUsageStore((s) => s.dropped)
  const queued = useUsageQueueStore((s) => s.queued)
  const on = agreed && statsOn

  // Sends what an earlier visit left queued, and listens for the privacy choices from now on.
  useEffect(() => startUsageReporter(), [])

  const hint = !agreed
    ? '你未同意隐私政策，不会记录或发送任何统计。同意后可开启。'
    : statsOn
      ? '已开启：只发送下面说明的匿名记录。'
      : '已关闭：不记录、不发送，未发送的记录已清除。'

  return (
    <View className="privacy__section card usage" role="region" aria-labelledby="privacy-usage">
      <View id="privacy-usage" className="privacy__heading" role="heading" aria-level={2}>
        匿名使用统计
      </View>
      <UsageSwitch
        id="usage-switch"
        label="发送匿名使用统计"
        hint={hint}
        checked={on}
        disabled={!agreed}
        onChange={(next) => {
          setUsageStatistics(next)
          showNotice(next ? '已开启匿名使用统计' : '已关闭匿名使用统计')
        }}
      />

      <View className="usage__subheading" role="heading" aria-level={3}>
        一条记录是什么
      </View>
      {EXPLANATION.map((p) => (
        <Text key={p} className="privacy__paragraph">
          {p}
        </Text>
      ))}

      <View className="usage__subheading" role="heading" aria-level={3}>
        已发送的内容
      </View>
      <View className="privacy__paragraph usage__counts" role="status">
        {on ? `等待发送 ${queued} 条` : '不记录、不发送'}
        {dropped > 0 ? `；已在手机上丢弃 ${dropped} 条未能计入的记录` : ''}
      </View>
      {log.length === 0 ? (
        <Text className="privacy__paragraph usage__empty">还没有发送过统计。</Text>
      ) : (
        <View className="usage__log" role="list" aria-label="最近发送的统计，最新的在前">
          {log.map((entry) => (
            <View key={`${entry.batch ?? 'month'}-${entry.at}`} className="usage__entry" role="listitem">
              <Text className="usage__when">
                {formatChinaDateTime(entry.at)}
                {entry.tries > 1 ? ` · 第 ${entry.tries} 次发送` : ''}
              </Text>
              <Text className={`usage__answer usage__answer--${entry.outcome}`}>{answerText(entry)}</Text>
              <Text className="usage__payload" selectable>
                {readablePayload(entry.payload)}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
