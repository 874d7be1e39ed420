import { View } from '@tarojs/components'
import { RemoteStatus } from '../../../../components/remote-status'
import { EmptyView } from '../../../../components/status-view'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { listRecords } from '../../../../services/citizen-api'
import { listMyRatings } from '../../../../services/rating-api'
import { RecordRow } from '../../components/record-row'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

/** 办事记录: what the citizen did across all services, newest first; 办结 cases offer 评价; `record` (from a 消息) marks its case. */
export default function RecordsPage() {
  const pageClass = usePageClass('page records')
  const records = useRemote(listRecords, [])
  // Opened from a 消息: that case is marked (record=<id>).
  const { record: opened } = useRouteParams('record')
  // Ratings come on their own: a record still shows (without 评价) if they cannot be read.
  const ratings = useRemote(listMyRatings, [])
  usePageReturn(() => {
    records.reload()
    ratings.reload()
  })
  const { state } = records
  const ratingOf = new Map(ratings.state.status === 'ready' ? ratings.state.data.map((r) => [r.recordId, r]) : [])

  return (
    <View className={pageClass} role="main">
      <PageTitle>办事记录</PageTitle>
      <RemoteStatus remote={records} />
      {state.status === 'ready' && state.data.length === 0 && <EmptyView text="暂无办事记录" />}
      {state.status === 'ready' && state.data.length > 0 && (
        <View className="subpage-card card" role="list" aria-label="办事记录">
          {state.data.map((record) => (
            <RecordRow key={record.id} record={record} rating={ratingOf.get(record.id)} opened={record.id === opened} />
          ))}
        </View>
      )}
    </View>
  )
}
