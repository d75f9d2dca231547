import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { listDrafts, updateDraft } from '@/features/report/drafts'
import { db } from '@/lib/db'
import { renderRoute } from '@/test/render'
import { paths } from '../paths'

// antd-mobile's dialog ignores clicks while it animates in (pointer-events: none).
async function waitUntilClickable(element: HTMLElement) {
  await waitFor(() => {
    for (let node: HTMLElement | null = element; node; node = node.parentElement) {
      expect(getComputedStyle(node).pointerEvents).not.toBe('none')
    }
  })
}

const storedTitles = async () => (await listDrafts()).map((draft) => draft.title)

describe('drafts screen', () => {
  beforeAll(async () => {
    await import('./drafts')
  })

  beforeEach(async () => {
    await db.drafts.clear()
    await updateDraft('a', { title: '营业执照办理慢', category: 'help' }, 1_000)
    await updateDraft('b', { title: '停车位不足' }, 2_000)
  })

  it('lists the drafts on this phone, newest first, each linking to its own screen', async () => {
    renderRoute(paths.drafts())
    const links = await screen.findAllByRole('link', { name: /营业执照办理慢|停车位不足/ })
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      paths.draft('b'),
      paths.draft('a'),
    ])
    expect(links[1]).toHaveTextContent('求助')
  })

  it('asks before deleting a draft, and keeps it when the owner cancels', async () => {
    const user = userEvent.setup()
    renderRoute(paths.drafts())

    await user.click(await screen.findByRole('button', { name: '删除草稿：营业执照办理慢' }))
    const dialog = await screen.findByRole('dialog', { name: '删除这份草稿？' })
    expect(await storedTitles()).toContain('营业执照办理慢')

    const cancel = within(dialog).getByRole('button', { name: '取消' })
    await waitUntilClickable(cancel)
    await user.click(cancel)
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(screen.getByRole('link', { name: /营业执照办理慢/ })).toBeInTheDocument()
    expect(await storedTitles()).toEqual(['停车位不足', '营业执照办理慢'])

    await user.click(screen.getByRole('button', { name: '删除草稿：营业执照办理慢' }))
    const confirm = within(await screen.findByRole('dialog')).getByRole('button', { name: '删除' })
    await waitUntilClickable(confirm)
    await user.click(confirm)
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: /营业执照办理慢/ })).not.toBeInTheDocument(),
    )
    expect(await storedTitles()).toEqual(['停车位不足'])
  })

  // Issue 17: backing out of a new report left an empty "未命名草稿" behind.
  it('does not list a draft left without a word, a category or a photo', async () => {
    await db.drafts.clear()
    const { router } = renderRoute(paths.newDraft())
    await screen.findByLabelText('标题')
    await router.navigate(paths.drafts())
    expect(await screen.findByText('还没有草稿。')).toBeInTheDocument()
    expect(screen.queryByText('未命名草稿')).not.toBeInTheDocument()
  })

  it('says there are no drafts when there are none', async () => {
    await db.drafts.clear()
    renderRoute(paths.drafts())
    expect(await screen.findByText('还没有草稿。')).toBeInTheDocument()
  })

  it('offers the export only when there are drafts to export', async () => {
    renderRoute(paths.drafts())
    expect(await screen.findByRole('button', { name: '导出我的草稿' })).toBeVisible()
    await db.drafts.clear()
    expect(await screen.findByText('还没有草稿。')).toBeVisible()
    expect(screen.queryByRole('button', { name: '导出我的草稿' })).not.toBeInTheDocument()
  })
})
