import { screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDraft, getDraft } from '@/features/report/drafts'
import { db } from '@/lib/db'
import { renderRoute } from '@/test/render'
import { paths } from '../paths'

async function fillEverything(user: UserEvent) {
  await user.click(await screen.findByRole('radio', { name: /投诉/ }))
  await user.type(screen.getByLabelText('标题'), '办证窗口排队太久')
  await user.type(screen.getByLabelText('详细情况'), '上午九点到十二点只叫了五个号。')
  await user.selectOptions(screen.getByLabelText('所在城市'), '南宁市')
  await user.type(screen.getByLabelText('主体名称'), '南宁市青秀区好味道餐饮店')
  await user.type(screen.getByLabelText('统一社会信用代码'), '91450103MA5KB1234X')
  await user.click(screen.getByRole('radio', { name: '个体工商户' }))
  await user.type(screen.getByLabelText('姓名'), '李明')
  await user.type(screen.getByLabelText('联系电话'), '13800138000')
}

// Issue 17: what the owner must read after tapping 提交反映 is where the finger is, said once.
describe('draft screen: after the tap', { timeout: 15_000 }, () => {
  beforeAll(async () => {
    await import('./draft')
  })
  beforeEach(async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
  })
  afterEach(() => vi.restoreAllMocks())

  it('moves the focus to the first field to fix, in reading order', async () => {
    const user = userEvent.setup()
    renderRoute(paths.draft(await createDraft()))
    await user.type(await screen.findByLabelText('标题'), '停车难')

    await user.click(screen.getByRole('button', { name: '提交反映' }))
    expect(await screen.findByText(/还有 \d+ 项需要填写/)).toBeInTheDocument()
    // The category (a radiogroup of cards) comes first: its first choice takes the focus.
    const categories = screen.getByRole('radiogroup', { name: /反映类别/ })
    await waitFor(() => expect(within(categories).getAllByRole('radio')[0]).toHaveFocus())

    await user.click(screen.getByRole('radio', { name: /投诉/ }))
    await user.click(screen.getByRole('button', { name: '提交反映' }))
    await waitFor(() => expect(screen.getByLabelText('详细情况')).toHaveFocus())
  })

  it('offline, says "saved, sent once online" once, in the button\'s place, and focuses it', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const user = userEvent.setup()
    const id = await createDraft()
    renderRoute(paths.draft(id))
    await fillEverything(user)
    expect(screen.getByText('当前离线')).toBeVisible()

    await user.click(screen.getByRole('button', { name: '提交反映' }))
    const queued = await screen.findByText('已保存在这部手机上，联网后会自动发送')
    await waitFor(() => expect(queued.closest('[role="status"]')).toHaveFocus())
    // The promise that the page may be closed (no service worker in in-app browsers, issue 21).
    expect(queued.closest('[role="status"]')).toHaveTextContent(
      '即使关掉了页面，联网后再打开也会发送',
    )
    expect(screen.getAllByText(/联网后.*发送/)).toHaveLength(2)
    expect(screen.queryByRole('button', { name: '提交反映' })).not.toBeInTheDocument()
    expect((await getDraft(id))?.state).toBe('queued')
  })
})
