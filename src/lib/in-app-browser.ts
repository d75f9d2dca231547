/**
 * Which app's in-app browser this page runs in, read from the user agent. Only for the wording of
 * a hint (whose menu to point at, with its own words): what the app does is decided by feature
 * detection (capabilities.ts), never by this; lint keeps `navigator.userAgent` to this module.
 */
export type OpenInBrowserWording = 'wechatIos' | 'wechatAndroid' | 'alipay' | 'browser'

// WeChat (and WeCom) say MicroMessenger; Alipay says AlipayClient, on both platforms.
const WECHAT = /MicroMessenger\//i
const ALIPAY = /AlipayClient\//i
const IOS = /iPhone|iPad|iPod/i

export function openInBrowserWording(userAgent = navigator.userAgent): OpenInBrowserWording {
  if (WECHAT.test(userAgent)) return IOS.test(userAgent) ? 'wechatIos' : 'wechatAndroid'
  if (ALIPAY.test(userAgent)) return 'alipay'
  return 'browser'
}
