import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nProvider } from '@/lib/i18n-react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from '@/lib/i18n'
import { applyUpdate, useIsUpdateReady } from '@/lib/sw'
import { UpdatePrompt } from './update-prompt'

vi.mock('@/lib/sw', () => ({ applyUpdate: vi.fn(), useIsUpdateReady: vi.fn() }))

const renderPrompt = () =>
  render(
    <I18nProvider i18n={createI18n()}>
      <UpdatePrompt />
    </I18nProvider>,
  )

describe('update prompt', () => {
  beforeEach(() => {
    vi.mocked(applyUpdate).mockClear()
  })

  it('stays out of the way while no new version is waiting', () => {
    vi.mocked(useIsUpdateReady).mockReturnValue(false)
    renderPrompt()
    expect(screen.queryByText('新版本已就绪')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '刷新' })).not.toBeInTheDocument()
  })

  it('offers a reload when a new version is waiting, and reloading applies it', async () => {
    vi.mocked(useIsUpdateReady).mockReturnValue(true)
    renderPrompt()
    expect(screen.getByText('新版本已就绪')).toBeVisible()
    await userEvent.click(screen.getByRole('button', { name: '刷新' }))
    expect(applyUpdate).toHaveBeenCalledOnce()
  })
})
