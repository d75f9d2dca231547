import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nProvider } from '@/lib/i18n-react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from '@/lib/i18n'
import { PushSettings } from './push-settings'

const renderSettings = () =>
  render(
    <I18nProvider i18n={createI18n()}>
      <PushSettings />
    </I18nProvider>,
  )

/** A browser with a service worker, a push manager that `subscribe`s as told, and Notification. */
function pushBrowser(subscribe: () => Promise<unknown>) {
  const pushManager = {
    getSubscription: vi.fn(() => Promise.resolve(null)),
    subscribe: vi.fn(subscribe),
  }
  vi.stubGlobal('PushManager', function PushManager() {})
  vi.stubGlobal('navigator', {
    ...navigator,
    serviceWorker: {
      getRegistration: () => Promise.resolve({ pushManager }),
      ready: new Promise(() => {}),
    },
  })
  vi.stubGlobal(
    'Notification',
    Object.assign(function Notification() {}, {
      permission: 'default',
      requestPermission: vi.fn(() => Promise.resolve('granted')),
    }),
  )
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify({ publicKey: 'BAAA' }), {
          headers: { 'content-type': 'application/json' },
        }),
      ),
    ),
  )
  return pushManager
}

afterEach(() => vi.unstubAllGlobals())

describe('push settings', () => {
  it('says SMS is the channel when the browser has no push service', async () => {
    vi.stubGlobal('PushManager', undefined)
    renderSettings()
    expect(await screen.findByText(/此浏览器没有推送服务/)).toBeVisible()
    expect(screen.queryByRole('switch')).toBeNull()
  })

  it('falls back to SMS, and says so, when subscribing finds no push service', async () => {
    const pushManager = pushBrowser(() =>
      Promise.reject(new DOMException('push service not available', 'AbortError')),
    )
    renderSettings()
    const toggle = await screen.findByRole('switch', { name: '在本机推送通知' })
    expect(toggle).toHaveAttribute('aria-checked', 'false')
    await userEvent.click(toggle)
    expect(await screen.findByText(/此浏览器没有推送服务/)).toBeVisible()
    expect(pushManager.subscribe).toHaveBeenCalledTimes(1)
  })
})
