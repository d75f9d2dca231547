import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db'
import { SETTING_DEVICE } from '@/lib/device'
import { renderRoute } from '@/test/render'
import type { Attachment, HistoryEntry, Ticket } from '../../../mock-api/contract'
import { paths } from '../paths'

const TICKET_ID = '00000000-0000-4000-8000-000000000007'
const INTERNAL = '内部：请尽快处理，老板很着急'

const step = (type: string, to: Ticket['status'], role: HistoryEntry['role'], note?: string) => ({
  at: '2026-03-02T10:00:00+08:00',
  type,
  from: null,
  to,
  role,
  note: note ?? null,
  // What only staff may read; the owner's view must never show it, even if the server sent it.
  internalNote: INTERNAL,
})

const attachment = (id: string, uploadedBy: Attachment['uploadedBy']): Attachment => ({
  id,
  ticketId: TICKET_ID,
  mime: 'image/jpeg',
  size: 1000,
  width: 1600,
  height: 1200,
  uploadedBy,
  createdAt: '2026-03-02T10:00:00+08:00',
  url: `/api/tickets/${TICKET_ID}/attachments/${id}`,
  thumbnailUrl: null,
})

const history = [
  step('submit', 'submitted', 'owner'),
  step('accept', 'accepted', 'desk'),
  step('dispatch', 'dispatched', 'desk'),
  step('sign', 'in_progress', 'unit'),
  step('contact', 'in_progress', 'unit'),
  step('reply', 'reply_review', 'unit'),
  step('approve_reply', 'replied', 'desk', '系统已恢复，请重新提交年报。'),
  step('rate', 'dissatisfaction_review', 'owner', '重新提交仍然报错。'),
  step('order_rehandle', 'in_progress', 'desk'),
  step('reply', 'reply_review', 'unit'),
  step('approve_reply', 'replied', 'desk', '已派技术人员上门，年报已提交成功。'),
  step('rate', 'closed', 'owner'),
]

const closedTicket = {
  id: TICKET_ID,
  number: 'GX2603020007',
  code: 'K7M2QA',
  status: 'closed',
  category: 'help',
  title: '个体户年报系统无法提交',
  createdAt: '2026-03-02T09:00:00+08:00',
  divisionCode: '450100',
  due: null,
  history,
  rating: { resolved: 'yes', satisfaction: 'satisfied', reason: null },
  description: '年报系统一直提示错误。',
  reply: '已派技术人员上门，年报已提交成功。',
  attachments: [
    attachment('a-owner-1', 'owner'),
    attachment('a-unit-1', 'unit'),
    attachment('a-owner-2', 'owner'),
  ],
  actions: { withdraw: false, urge: false, rate: false, addMaterial: false },
  urgeAvailableAt: null,
}

function serve() {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      if (url === `/api/tickets/${TICKET_ID}`) {
        return Promise.resolve(
          new Response(JSON.stringify(closedTicket), {
            headers: { 'content-type': 'application/json' },
          }),
        )
      }
      if (url.startsWith(`/api/tickets/${TICKET_ID}/attachments/`)) {
        return Promise.resolve(
          new Response(new Uint8Array([0xff, 0xd8]), { headers: { 'content-type': 'image/jpeg' } }),
        )
      }
      return Promise.resolve(new Response(null, { status: 503 }))
    }),
  )
}

describe('case file screen', () => {
  let urls = 0
  beforeAll(async () => {
    await import('./case-file')
  })
  beforeEach(async () => {
    await db.settings.clear()
    await db.settings.put({ key: SETTING_DEVICE, value: { deviceId: 'd-1', credential: 'c-1' } })
    serve()
    // jsdom has no object URLs; the photos are fetched with the credential and shown from one.
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: () => `blob:photo-${(urls += 1)}`,
        revokeObjectURL: () => {},
      }),
    )
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('shows the number, receipt, reply, every step, both sets of photos and the rating', async () => {
    renderRoute(paths.caseFile(TICKET_ID))

    expect(
      await screen.findByRole('heading', { level: 1, name: '工单案卷 GX2603020007' }),
    ).toBeVisible()
    expect(screen.getByText(/回执：工单号 GX2603020007 · 验证码 K7M2QA/)).toBeInTheDocument()
    expect(screen.getByTestId('ticket-status')).toHaveTextContent('已办结')
    expect(screen.getByText(/^状态截至 /)).toBeInTheDocument()
    expect(screen.getByTestId('ticket-reply')).toHaveTextContent(
      '已派技术人员上门，年报已提交成功。',
    )
    expect(screen.getByText(/评价：已解决，满意/)).toBeInTheDocument()

    const steps = within(screen.getByRole('list', { name: '办理过程' })).getAllByRole('listitem')
    expect(steps.map((item) => item.dataset.type)).toEqual(history.map((entry) => entry.type))
    expect(steps[7]).toHaveTextContent('评价')
    expect(steps[7]).toHaveTextContent('重新提交仍然报错。')
    expect(steps[8]).toHaveTextContent('重新办理')
    expect(steps[6]).toHaveTextContent('系统已恢复，请重新提交年报。')

    // The owner's photos and the unit's reply files, each under its own heading.
    expect(await screen.findByRole('img', { name: '照片 2' })).toBeInTheDocument()
    expect(screen.getByRole('img', { name: '照片 1' })).toBeInTheDocument()
    expect(screen.getByRole('img', { name: '答复附件 1' })).toBeInTheDocument()
    expect(screen.queryByRole('img', { name: '照片 3' })).not.toBeInTheDocument()
    expect(screen.queryByRole('img', { name: '答复附件 2' })).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { name: '照片' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: '答复附件' })).toBeInTheDocument()

    expect(document.body).not.toHaveTextContent(INTERNAL)
    // A record to keep, not a screen to act on: no forms or action buttons. (The shell's own
    // banners, such as jsdom's missing-notifications hint, stay off the printout: gs-no-print.)
    expect(screen.queryByRole('form')).not.toBeInTheDocument()
    const record = within(screen.getByRole('main'))
    expect(record.getAllByRole('button').map((button) => button.textContent)).toEqual([
      '打印 / 保存为 PDF',
    ])
  })

  // Issue 17: the case file lacked who reported what, where; and printed a live countdown.
  it('names the business, credit code, contact, category and window, and prints no countdown', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(
            JSON.stringify({
              ...closedTicket,
              status: 'in_progress',
              divisionCode: '450103',
              due: {
                step: 'handling',
                at: '2026-03-05T24:00:00+08:00',
                lastDay: '2026-03-05',
                provisional: false,
                nearDue: true,
                overdue: false,
                workingDaysLeft: 1,
              },
              business: {
                name: '南宁市青秀区好味道餐饮店',
                creditCode: '91450103MA5KB1234X',
                kind: 'individual',
              },
              contact: { name: '李明', phone: '13800138000' },
              servicePoint: { id: 'sp-1', name: '南宁市政务服务中心 3号窗口' },
            }),
            { headers: { 'content-type': 'application/json' } },
          ),
        ),
      ),
    )
    renderRoute(paths.caseFile(TICKET_ID))
    const value = async (label: string) =>
      (await screen.findByText(label, { selector: 'dt' })).nextElementSibling?.textContent
    expect(await value('经营主体')).toBe('南宁市青秀区好味道餐饮店 · 个体工商户')
    expect(await value('统一社会信用代码')).toBe('91450103MA5KB1234X')
    expect(await value('联系人')).toBe('李明 13800138000')
    expect(await value('反映类别')).toBe('求助')
    expect(await value('所在地区')).toBe('南宁市 青秀区')
    expect(await value('办事窗口')).toBe('南宁市政务服务中心 3号窗口')
    // On screen, the deadline; on paper (gs-no-print), not.
    expect(screen.getByText(/剩 1 个工作日/).closest('.gs-no-print')).not.toBeNull()
  })

  it('opens the print dialog, where the owner saves it as a PDF or shares it', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    const user = userEvent.setup()
    renderRoute(paths.caseFile(TICKET_ID))
    await user.click(await screen.findByRole('button', { name: '打印 / 保存为 PDF' }))
    expect(print).toHaveBeenCalledTimes(1)
  })
})
