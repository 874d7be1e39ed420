import { useRef, useState } from 'react'
import type { MyPaymentT } from '../../../api/my-payments'
import { useRemote } from '../../../hooks/use-remote'
import { errorMessage } from '../../../services/request'
import { listMyPayments } from '../my-payments-api'

/**
 * 我的支付 a page at a time: the newest page on load (and on `reload`), older
 * ones appended by `loadMore` while there are more. One load at a time.
 */
export function useMyPayments() {
  const first = useRemote(() => listMyPayments(), [])
  // The pages after the first, and which first page they follow (one read again replaces them).
  const [older, setOlder] = useState<{ payments: MyPaymentT[]; nextCursor?: string; after: string } | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)
  const busy = useRef(false)

  const firstPage = first.state.status === 'ready' ? first.state.data : undefined
  const appended = firstPage && older && older.after === firstPage.nextCursor ? older : null
  const payments = firstPage ? [...firstPage.payments, ...(appended?.payments ?? [])] : []
  const cursor = appended ? appended.nextCursor : firstPage?.nextCursor

  const loadMore = () => {
    if (busy.current || !cursor || !firstPage) return
    busy.current = true
    setLoadingMore(true)
    setMoreError(null)
    listMyPayments(cursor)
      .then(
        (page) => setOlder({ payments: [...(appended?.payments ?? []), ...page.payments], nextCursor: page.nextCursor, after: firstPage.nextCursor! }),
        (error: unknown) => setMoreError(errorMessage(error)),
      )
      .finally(() => {
        busy.current = false
        setLoadingMore(false)
      })
  }

  const reload = () => {
    setOlder(null)
    first.reload()
  }

  return { remote: first, payments, hasMore: Boolean(cursor), loadMore, loadingMore, moreError, reload }
}
