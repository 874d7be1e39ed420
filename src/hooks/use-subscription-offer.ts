import { useEffect } from 'react'
import { prefetchSubscriptions } from '../services/subscription-request'

/** A page whose tap may ask for WeChat subscription messages loads the templates first (mini-program only). */
export function useSubscriptionOffer(): void {
  useEffect(() => {
    void prefetchSubscriptions()
  }, [])
}
