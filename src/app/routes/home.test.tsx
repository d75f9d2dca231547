import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderRoute } from '@/test/render'
import { resetDocument } from '@/test/reset-document'

const root = document.documentElement

describe('home screen', () => {
  it('leads to the four tasks, in Chinese by default', async () => {
    renderRoute('/')
    expect(await screen.findByRole('heading', { level: 1, name: '反映问题' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: /扫码反映/ })).toHaveAttribute('href', '/scan')
    expect(screen.getByRole('link', { name: /无码反映/ })).toHaveAttribute('href', '/drafts/new')
    expect(screen.getByRole('link', { name: /我的工单/ })).toHaveAttribute('href', '/tickets')
    expect(screen.getByRole('link', { name: /^草稿/ })).toHaveAttribute('href', '/drafts')
    expect(root.lang).toBe('zh-CN')
  })

  it('switches to English, and a new page load remembers the choice', async () => {
    const user = userEvent.setup()
    const firstPage = renderRoute('/')
    await user.click(await screen.findByRole('button', { name: 'English' }))

    // English is a chunk of its own: the screen changes once it has arrived, not on the click.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Report a problem' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: /My tickets/ })).toBeInTheDocument()
    expect(root.lang).toBe('en')

    firstPage.unmount()
    resetDocument()
    renderRoute('/')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Report a problem' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true')
    expect(root.lang).toBe('en')

    await user.click(screen.getByRole('button', { name: '中文' }))
    expect(await screen.findByRole('heading', { level: 1, name: '反映问题' })).toBeInTheDocument()
  })

  it('large-text mode enlarges text and touch targets, and a new page load remembers it', async () => {
    const user = userEvent.setup()
    const firstPage = renderRoute('/')
    const toggle = await screen.findByRole('switch', { name: '大字模式' })
    expect(toggle).toHaveAttribute('aria-checked', 'false')
    expect(root.style.getPropertyValue('--adm-font-size-main')).toBe('')

    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-checked', 'true')
    expect(root).toHaveClass('large-text')
    expect(root.style.fontSize).toBe('125%')
    expect(root.style.getPropertyValue('--adm-font-size-main')).toBe('var(--adm-font-size-8)')
    expect(root.style.getPropertyValue('--adm-font-size-8')).toBe('20px')
    expect(root.style.getPropertyValue('--gs-touch-target')).toBe('56px')

    firstPage.unmount()
    resetDocument()
    renderRoute('/')
    const toggleAgain = await screen.findByRole('switch', { name: '大字模式' })
    expect(toggleAgain).toHaveAttribute('aria-checked', 'true')
    expect(root).toHaveClass('large-text')
    expect(root.style.getPropertyValue('--gs-touch-target')).toBe('56px')

    await user.click(toggleAgain)
    expect(root).not.toHaveClass('large-text')
    expect(root.style.fontSize).toBe('')
    expect(root.style.getPropertyValue('--adm-font-size-main')).toBe('')
  })
})
