import { Text, View, WebView } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { BackButton } from '../../../../components/back-button'
import { RemoteStatus } from '../../../../components/remote-status'
import { EmptyView } from '../../../../components/status-view'
import { availabilityNotice, availabilityNow, withCity } from '../../../../domain/service-access'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { AgencyFrame } from '../../components/agency-frame'
import { useWebviewService } from '../../hooks/use-webview-service'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

/**
 * A web-view service: the agency's own H5 page inside the app, with the
 * citizen's city as `city=<code>` and nothing else about them. WeChat shows
 * it in its web-view component; H5 in a sandboxed frame under the service's
 * name, with a back button and 在浏览器中打开.
 */
export default function WebviewPage() {
  const pageClass = usePageClass('page webview-page')
  const { service: id, city, name } = useRouteParams('service', 'city', 'name')
  const remote = useWebviewService(id, city)
  const service = remote.state.status === 'ready' ? remote.state.data : undefined
  const title = service?.name ?? (name || '城市服务')
  const url = service?.webview ? withCity(service.webview.url, city) : undefined
  const notice = service ? availabilityNotice(service.name, availabilityNow(service.availability, Date.now())) : undefined

  // H5 draws its own header; WeChat's bar shows the name until the agency's page sets its title.
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') void Taro.setNavigationBarTitle({ title })
  }, [title])

  const body = (
    <>
      <RemoteStatus remote={remote} />
      {remote.state.status === 'ready' && !service && <EmptyView text="这个城市没有这项服务，请回到首页重新选择" />}
      {notice && <EmptyView text={notice.content} />}
    </>
  )

  if (process.env.TARO_ENV !== 'h5') return url && !notice ? <WebView src={url} /> : <View className={pageClass}>{body}</View>

  return (
    <View className={pageClass}>
      <View className="webview-header" role="banner">
        <BackButton />
        <View className="webview-header__title" role="heading" aria-level={1}>
          {title}
        </View>
        {url && !notice && (
          <a className="webview-header__browser" href={url} target="_blank" rel="noopener noreferrer">
            在浏览器中打开
          </a>
        )}
      </View>
      <View className="webview-body" role="main">
        {body}
        {url && !notice && <AgencyFrame url={url} name={title} />}
      </View>
    </View>
  )
}
