import type { CheckResult } from '../../../../src/domain/quality-stars'
import { type CallLimits, fetchBounded } from '../../gateway/agency-client'

/**
 * Hosts of ad networks and trackers commonly embedded in Chinese H5 pages
 * (check 11). A page that loads a script, frame or image from one of them (or
 * a subdomain) fails, whatever the manifest declares.
 */
export const AD_TRACKER_HOSTS = [
  'doubleclick.net', 'googlesyndication.com', 'googleadservices.com', 'google-analytics.com', 'googletagmanager.com',
  'hm.baidu.com', 'pos.baidu.com', 'cpro.baidu.com', 'cbjs.baidu.com', 'cnzz.com', 'umeng.com', 'tanx.com',
  'mmstat.com', 'gdt.qq.com', 'e.qq.com', 'adsame.com', 'miaozhen.com', 'admaster.com.cn',
]

const PHONE_WIDTH = 375

const pageFetch = (url: string, limits: CallLimits) => fetchBounded(url, { accept: 'text/html' }, limits)

/** Evidence about a page's fit on a 375 px phone, from its markup: a device-width viewport and no fixed width wider than the phone. */
export function mobileFitProblems(html: string): string[] {
  const problems: string[] = []
  const viewport = /<meta[^>]+name=["']?viewport["']?[^>]*>/i.exec(html)?.[0]
  if (!viewport || !/width\s*=\s*device-width/i.test(viewport)) problems.push('no <meta name="viewport" content="width=device-width, …">')
  for (const m of html.matchAll(/(?<![-\w])(?:min-)?width\s*:\s*(\d+)px/gi)) {
    if (Number(m[1]) > PHONE_WIDTH) problems.push(`fixed width ${m[0]} is wider than a ${PHONE_WIDTH} px phone: the page scrolls sideways`)
  }
  return problems
}

/** Ad and tracker hosts a page loads from (src/href of scripts, frames, images, links). */
export function adHostsIn(html: string): string[] {
  const found = new Set<string>()
  for (const m of html.matchAll(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\/([^/"'\s>]+)/gi)) {
    const host = m[1]!.toLowerCase()
    const hit = AD_TRACKER_HOSTS.find((h) => host === h || host.endsWith(`.${h}`))
    if (hit) found.add(host)
  }
  return [...found]
}

/** The checks of a web-view service's page (02-services.md checks 1, 3, 10, 11). */
export async function webviewChecks(url: string, adsFree: boolean, limits: CallLimits) {
  const answer = await pageFetch(url, limits)
  const answered = answer.status !== undefined && answer.status < 400
  const result = (id: CheckResult['id'], ok: boolean, evidence: string[]): CheckResult => ({ id, outcome: ok ? 'pass' : 'fail', evidence })
  const html = answered ? answer.text : ''
  const fit = mobileFitProblems(html)
  const ads = adHostsIn(html)
  const checks: CheckResult[] = [
    result('available', answered, [`GET ${url}: ${answer.note}`]),
    result('speed', answered && answer.ms <= 800, [`page answered in ${answer.ms} ms (at most 800 ms)`]),
    result('mobile-fit', answered && fit.length === 0, answered ? (fit.length ? fit : ['device-width viewport, no fixed width over 375 px']) : ['page not reachable']),
    result('no-ads', answered && adsFree && ads.length === 0, [
      `manifest declares adsFree: ${adsFree}`,
      ...(answered ? [ads.length ? `loads from ad/tracker hosts: ${ads.join(', ')}` : 'no known ad or tracker host in the page'] : ['page not reachable']),
    ]),
  ]
  return { checks, answer, answered, fetchAgain: () => pageFetch(url, limits) }
}
