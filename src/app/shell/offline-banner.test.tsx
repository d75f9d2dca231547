import { act, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderRoute } from '@/test/render'

const OFFLINE_MESSAGE = '当前离线'

function goOffline(isOffline: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(!isOffline)
  act(() => {
    window.dispatchEvent(new Event(isOffline ? 'offline' : 'online'))
  })
}

describe('offline banner', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('appears when the browser goes offline and disappears when it is back online', async () => {
    renderRoute('/')
    await screen.findByRole('heading', { level: 1 })
    expect(screen.queryByText(OFFLINE_MESSAGE)).not.toBeInTheDocument()

    goOffline(true)
    expect(screen.getByText(OFFLINE_MESSAGE)).toBeVisible()
    // Inside a live region, so screen readers announce it.
    expect(screen.getByText(OFFLINE_MESSAGE).closest('[role="status"]')).not.toBeNull()

    goOffline(false)
    expect(screen.queryByText(OFFLINE_MESSAGE)).not.toBeInTheDocument()
  })

  it('shows on a page that loads while already offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    renderRoute('/')
    await screen.findByRole('heading', { level: 1 })
    expect(screen.getByText(OFFLINE_MESSAGE)).toBeVisible()
  })
})
