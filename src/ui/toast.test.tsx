import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { renderStaff } from '@/test/render-staff'
import { Toast } from './toast'

function Saver() {
  const [message, setMessage] = useState<string | null>(null)
  return (
    <>
      <button type="button" onClick={() => setMessage('补充材料已保存，联网后发送')}>
        保存
      </button>
      <Toast message={message} onDismiss={() => setMessage(null)} />
    </>
  )
}

describe('Toast', () => {
  it('keeps a polite live region in the page, empty until there is news', async () => {
    renderStaff(<Saver />)
    const region = screen.getByRole('status')
    expect(region).toHaveAttribute('aria-live', 'polite')
    expect(region).toBeEmptyDOMElement()
    await userEvent.click(screen.getByRole('button', { name: '保存' }))
    expect(screen.getByRole('status')).toBe(region)
    expect(region).toHaveTextContent('补充材料已保存，联网后发送')
  })

  it('is dismissed with its button', async () => {
    const onDismiss = vi.fn()
    renderStaff(<Toast message="已保存" onDismiss={onDismiss} />)
    await userEvent.click(screen.getByRole('button', { name: '知道了' }))
    expect(onDismiss).toHaveBeenCalledOnce()
  })
})
