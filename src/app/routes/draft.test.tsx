import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDraft, getDraft } from '@/features/report/drafts'
import { db } from '@/lib/db'
import { renderRoute } from '@/test/render'
import { paths } from '../paths'

const stored = async (id: string) => {
  const draft = await getDraft(id)
  return draft && { category: draft.category, title: draft.title, description: draft.description }
}

describe('draft screen', () => {
  // The screen's chunk (antd-mobile) is slow to transform the first time; load it once up front.
  beforeAll(async () => {
    await import('./draft')
  })

  beforeEach(async () => {
    await db.drafts.clear()
  })

  it('writes each change to IndexedDB, and a new page load shows what was typed', async () => {
    const user = userEvent.setup()
    const id = await createDraft()
    const firstPage = renderRoute(paths.draft(id))

    await user.click(await screen.findByRole('radio', { name: /投诉/ }))
    await waitFor(async () =>
      expect(await stored(id)).toEqual({ category: 'complaint', title: '', description: '' }),
    )

    await user.type(screen.getByLabelText('标题'), '办证窗口排队太久')
    await waitFor(async () => expect((await stored(id))?.title).toBe('办证窗口排队太久'))

    await user.type(screen.getByLabelText('详细情况'), '上午九点到十二点只叫了五个号。')
    await waitFor(async () =>
      expect((await stored(id))?.description).toBe('上午九点到十二点只叫了五个号。'),
    )
    expect(screen.getByText('已写 15 字，最多 2000 字')).toBeInTheDocument()
    expect(await screen.findByText('已自动保存在这部手机上')).toBeInTheDocument()

    firstPage.unmount()
    renderRoute(paths.draft(id))
    expect(await screen.findByLabelText('标题')).toHaveValue('办证窗口排队太久')
    expect(screen.getByLabelText('详细情况')).toHaveValue('上午九点到十二点只叫了五个号。')
    expect(screen.getByRole('radio', { name: /投诉/ })).toBeChecked()
  })

  it('promises while offline that what was typed is kept and sent, even after the page closes', async () => {
    const promise =
      '没有网络也不要紧：填写的内容都保存在这部手机上，提交后联网时自动发送；即使关掉了页面，联网后再打开也会发送。'
    const id = await createDraft()
    renderRoute(paths.draft(id))
    await screen.findByLabelText('标题')
    // The submit button and its note come a frame after the form's top (draft-form.tsx).
    await screen.findByRole('button', { name: '提交反映' })
    expect(screen.queryByText(promise)).not.toBeInTheDocument()

    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    try {
      act(() => void window.dispatchEvent(new Event('offline')))
      expect(screen.getByText(promise)).toBeVisible()
      onLine.mockReturnValue(true)
      act(() => void window.dispatchEvent(new Event('online')))
      expect(screen.queryByText(promise)).not.toBeInTheDocument()
    } finally {
      onLine.mockRestore()
    }
  })

  it('has already written the last keystroke when the screen closes right after it', async () => {
    const user = userEvent.setup()
    const id = await createDraft()
    const page = renderRoute(paths.draft(id))

    await user.type(await screen.findByLabelText('标题'), '停车难')
    page.unmount()
    await waitFor(async () => expect((await stored(id))?.title).toBe('停车难'))
  })

  it('keeps a title typed before the lower part of the form is drawn, and then draws it', async () => {
    // The form comes in two commits (draft-form.tsx): the title takes input before the contact
    // fields and the submit button are there. What is typed then stays, on screen and stored.
    const id = await createDraft({ servicePointToken: null })
    await db.drafts.update(id, { contact: { name: '李明', phone: '13800138000' } })
    renderRoute(paths.draft(id))
    const title = await screen.findByLabelText('标题')
    const wasLowerPartThere = screen.queryByRole('button', { name: '提交反映' }) !== null
    fireEvent.change(title, { target: { value: '停车难' } })

    expect(await screen.findByRole('button', { name: '提交反映' })).toBeInTheDocument()
    expect(wasLowerPartThere).toBe(false)
    expect(screen.getByLabelText('标题')).toHaveValue('停车难')
    expect(screen.getByLabelText('联系电话')).toHaveValue('13800138000')
    await waitFor(async () => expect((await stored(id))?.title).toBe('停车难'))
    expect((await getDraft(id))?.contact).toEqual({ name: '李明', phone: '13800138000' })
  })

  it('opening "report without a code" creates a draft and moves to its own URL', async () => {
    const { router } = renderRoute(paths.newDraft())
    await screen.findByLabelText('标题')
    const [draft] = await db.drafts.toArray()
    expect(draft).toBeDefined()
    expect(router.state.location.pathname).toBe(paths.draft(draft?.id ?? ''))
  })

  it('says so when the draft no longer exists', async () => {
    renderRoute(paths.draft('6c1f1f7e-0000-4000-8000-000000000000'))
    expect(await screen.findByText('找不到这份草稿，可能已经删除。')).toBeInTheDocument()
  })
})
