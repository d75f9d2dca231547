import { describe, expect, it } from 'vitest'
import { openInBrowserWording } from './in-app-browser'

// Real user agents, as each app's browser sends them.
const WECHAT_ANDROID =
  'Mozilla/5.0 (Linux; Android 13; V2154A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 XWEB/1110005 MMWEBSDK/20231002 MMWEBID/3357 MicroMessenger/8.0.43.2460(0x28002B3B) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64'
const WECHAT_IOS =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44(0x18002c2c) NetType/WIFI Language/zh_CN'
const ALIPAY_ANDROID =
  'Mozilla/5.0 (Linux; U; Android 12; zh-CN; M2012K11AC Build/SKQ1.211006.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/89.0.4389.58 UWS/3.22.2.59 Mobile Safari/537.36 UCBS/3.22.2.59_230407184016 NebulaSDK/1.8.100112 Nebula AlipayDefined(nt:WIFI,ws:393|0|2.75) AliApp(AP/10.3.80.9100) AlipayClient/10.3.80.9100 Language/zh-Hans useStatusBar/true isConcaveScreen/true Region/CNAriver/1.0.0'
const ALIPAY_IOS =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Ariver/1.1.0 AliApp(AP/10.5.16.6000) Nebula WK RVKType(1) AlipayDefined(nt:WIFI,ws:390|780|3.0) AlipayClient/10.5.16.6000 Language/zh-Hans Region/CN NebulaX/1.0.0'
const SAFARI_IOS =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1'
const CHROME_ANDROID =
  'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36'

describe('the wording of the open-in-browser hint', () => {
  it('names WeChat’s menu item, which differs between iPhone and Android', () => {
    expect(openInBrowserWording(WECHAT_IOS)).toBe('wechatIos')
    expect(openInBrowserWording(WECHAT_ANDROID)).toBe('wechatAndroid')
  })

  it('names Alipay’s on both platforms', () => {
    expect(openInBrowserWording(ALIPAY_ANDROID)).toBe('alipay')
    expect(openInBrowserWording(ALIPAY_IOS)).toBe('alipay')
  })

  it('falls back to plain words in any other browser, or with no user agent at all', () => {
    expect(openInBrowserWording(SAFARI_IOS)).toBe('browser')
    expect(openInBrowserWording(CHROME_ANDROID)).toBe('browser')
    expect(openInBrowserWording('')).toBe('browser')
  })
})
