import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ErrorView, LoadingView } from '../../../components/status-view'

// How long the agency's server may take to answer at all, then to show its page.
const ANSWER_TIMEOUT_MS = 8000
const LOAD_TIMEOUT_MS = 15000

type FrameState = 'checking' | 'loading' | 'shown' | 'failed'

/**
 * Asks the agency's server whether it answers at all (an opaque, cookie-less
 * HEAD: any HTTP answer will do, only a refused connection or silence fails).
 * A frame cannot tell these apart: its load event fires on the browser's own
 * error page too.
 */
async function answers(url: string): Promise<boolean> {
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), ANSWER_TIMEOUT_MS)
  try {
    await fetch(url, { method: 'HEAD', mode: 'no-cors', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', signal: abort.signal })
    return true
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}

/**
 * H5 only: an agency's page in a sandboxed frame (its own scripts and forms,
 * no pop-ups, no navigating the app, no referrer), with a loading state, and
 * a message with 重试 when the page does not answer instead of a blank frame.
 */
export function AgencyFrame({ url, name }: { url: string; name: string }) {
  const [state, setState] = useState<FrameState>('checking')
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    setState('checking')
    void answers(url).then((ok) => current && setState(ok ? 'loading' : 'failed'))
    return () => {
      current = false
    }
  }, [url, attempt])

  useEffect(() => {
    if (state !== 'loading') return
    const timer = setTimeout(() => setState('failed'), LOAD_TIMEOUT_MS)
    return () => clearTimeout(timer)
  }, [state])

  if (state === 'failed') {
    return (
      <View className="agency-frame agency-frame--failed">
        <ErrorView message={`「${name}」的页面暂时打不开：机构的系统没有应答，请稍后重试，或在浏览器中打开。`} onRetry={() => setAttempt((n) => n + 1)} />
      </View>
    )
  }
  return (
    <View className="agency-frame">
      {state !== 'shown' && <LoadingView text={`正在打开「${name}」…`} />}
      {state !== 'checking' && (
        <iframe
          key={attempt}
          className={state === 'shown' ? 'agency-frame__frame' : 'agency-frame__frame agency-frame__frame--hidden'}
          src={url}
          title={name}
          sandbox="allow-scripts allow-forms allow-same-origin"
          referrerPolicy="no-referrer"
          onLoad={() => setState('shown')}
        />
      )}
    </View>
  )
}
