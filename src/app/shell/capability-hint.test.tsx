import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nProvider } from '@/lib/i18n-react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from '@/lib/i18n'
import { useOfflineSupport, type OfflineSupport } from '@/lib/sw'
import { CapabilityHint } from './capability-hint'

vi.mock('@/lib/sw', () => ({ useOfflineSupport: vi.fn() }))

const WECHAT_IOS =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44(0x18002c2c) NetType/WIFI Language/zh_CN'
const ALIPAY_ANDROID =
  'Mozilla/5.0 (Linux; U; Android 12; zh-CN; M2012K11AC Build/SKQ1.211006.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/89.0.4389.58 Mobile Safari/537.36 Nebula AliApp(AP/10.3.80.9100) AlipayClient/10.3.80.9100 Language/zh-Hans'

const HINT = { name: '这个浏览器的限制' }

function renderHint({ offline, userAgent }: { offline: OfflineSupport; userAgent?: string }) {
  vi.mocked(useOfflineSupport).mockReturnValue(offline)
  if (userAgent) vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(userAgent)
  return render(
    <I18nProvider i18n={createI18n()}>
      <CapabilityHint />
    </I18nProvider>,
  )
}

/** What a full browser has: a service worker (container), Notification and PushManager. */
function fullBrowser() {
  Object.defineProperty(navigator, 'serviceWorker', {
    value: new EventTarget(),
    configurable: true,
  })
  vi.stubGlobal('Notification', vi.fn())
  vi.stubGlobal('PushManager', vi.fn())
}

describe('capability hint', () => {
  beforeEach(() => vi.mocked(useOfflineSupport).mockReset())
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'serviceWorker')
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('in WeChat on iPhone, says what is missing, that SMS comes instead, and WeChat’s menu words', () => {
    renderHint({ offline: 'unavailable', userAgent: WECHAT_IOS })
    const hint = screen.getByRole('complementary', HINT)
    expect(hint).toHaveTextContent(
      '在这里可以照常反映、查看进度和评价，但没有网络时打不开这个页面，也收不到通知。',
    )
    expect(hint).toHaveTextContent('工单有进展时，会发短信到您留的联系电话。')
    expect(hint).toHaveTextContent('点右上角「···」，选「在Safari中打开」')
  })

  it('uses Alipay’s words in Alipay, and plain words elsewhere', () => {
    const alipay = renderHint({ offline: 'unavailable', userAgent: ALIPAY_ANDROID })
    expect(screen.getByRole('complementary', HINT)).toHaveTextContent('选「在浏览器中打开」')
    alipay.unmount()
    vi.restoreAllMocks()
    renderHint({ offline: 'unavailable' })
    expect(screen.getByRole('complementary', HINT)).toHaveTextContent(
      '用手机自带的浏览器打开并添加到桌面，可离线使用并接收通知。',
    )
  })

  it('says only that notifications are missing where the page can still open offline', () => {
    renderHint({ offline: 'available' })
    expect(screen.getByRole('complementary', HINT)).toHaveTextContent(
      '在这里可以照常反映、查看进度和评价，但收不到通知。',
    )
  })

  it('stays away where nothing is missing', () => {
    fullBrowser()
    renderHint({ offline: 'available' })
    expect(screen.queryByRole('complementary', HINT)).not.toBeInTheDocument()
  })

  it('once dismissed, stays dismissed on the next page load', async () => {
    const user = userEvent.setup()
    const firstLoad = renderHint({ offline: 'unavailable', userAgent: WECHAT_IOS })
    await user.click(screen.getByRole('button', { name: '不再提示' }))
    expect(screen.queryByRole('complementary', HINT)).not.toBeInTheDocument()
    firstLoad.unmount()
    renderHint({ offline: 'unavailable', userAgent: WECHAT_IOS })
    expect(screen.queryByRole('complementary', HINT)).not.toBeInTheDocument()
  })
})
