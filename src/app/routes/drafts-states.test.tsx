import { screen, within } from '@testing-library/react'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { updateDraft } from '@/features/report/drafts'
import { db } from '@/lib/db'
import { renderRoute } from '@/test/render'
import { paths } from '../paths'

describe('drafts screen: where each draft stands', () => {
  beforeAll(async () => {
    await import('./drafts')
  })
  beforeEach(async () => {
    await db.drafts.clear()
    await updateDraft('editing', { title: '还在写' }, 3_000)
    await updateDraft('queued', { title: '已提交' }, 2_000)
    await updateDraft('refused', { title: '被退回的' }, 1_000)
    await db.drafts.update('queued', { state: 'queued' })
    await db.drafts.update('refused', {
      state: 'refused',
      refusal: {
        status: 422,
        message: { zh: '联系电话不是有效号码。', en: 'The phone number is not valid.' },
        fields: [],
      },
    })
  })

  it('labels each draft editing, waiting to send, or returned with the reason', async () => {
    renderRoute(paths.drafts())
    const [editing, queued, refused] = await screen.findAllByRole('listitem')
    expect(within(editing as HTMLElement).getByText('编辑中')).toBeInTheDocument()
    expect(within(queued as HTMLElement).getByText('等待发送')).toBeInTheDocument()
    expect(
      within(refused as HTMLElement).getByText('被退回：联系电话不是有效号码。'),
    ).toBeInTheDocument()
  })

  it('offers no delete for a draft the outbox is already sending', async () => {
    renderRoute(paths.drafts())
    await screen.findAllByRole('listitem')
    expect(screen.getByRole('button', { name: '删除草稿：还在写' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '删除草稿：被退回的' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '删除草稿：已提交' })).not.toBeInTheDocument()
  })
})
