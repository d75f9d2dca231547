import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { renderRoute } from '@/test/render'
import type { Receipt } from '../../../mock-api/contract'
import { paths } from '../paths'

const NUMBER = 'GX2603020001'
const CODE = 'K7M2QA'
const receipt: Receipt = {
  number: NUMBER,
  status: 'accepted',
  category: 'help',
  title: '门店招牌审批太慢',
  createdAt: '2026-03-02T09:00:00+08:00',
  divisionCode: '450103',
  due: null,
  history: [
    {
      at: '2026-03-02T09:00:00+08:00',
      type: 'submit',
      from: null,
      to: 'submitted',
      role: 'owner',
      note: null,
    },
  ],
  reply: null,
}

function serve() {
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
    })
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) =>
      Promise.resolve(
        url === `/api/receipts/${NUMBER}?code=${CODE}`
          ? json(200, receipt)
          : json(404, { type: 'urn:guishang:problem:not_found', title: 'not found', status: 404 }),
      ),
    ),
  )
}

// Issue 17: the look-up by receipt, as an owner with a receipt in hand meets it.
describe('look-up by receipt', () => {
  beforeAll(async () => {
    await Promise.all([import('./lookup'), import('./tickets')])
  })
  afterEach(() => vi.unstubAllGlobals())

  it("is a visible way in on 我的工单, under the receipt's own word for the code", async () => {
    renderRoute(paths.tickets())
    const entry = await screen.findByRole('link', { name: '用工单号和验证码查询' })
    expect(entry).toHaveAttribute('href', paths.lookup())
    expect(entry).toHaveClass('gs-btn')
    expect(document.body).not.toHaveTextContent('查询码')
  })

  it('keeps what was typed after a failed try', async () => {
    serve()
    const user = userEvent.setup()
    renderRoute(paths.lookup())
    await user.type(await screen.findByLabelText('工单号'), NUMBER)
    await user.type(screen.getByLabelText('验证码'), 'K7M2QB')
    await user.click(screen.getByRole('button', { name: '查询' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('工单号或验证码不正确。')
    expect(screen.getByLabelText('验证码')).toHaveValue('K7M2QB')
    expect(screen.getByLabelText('工单号')).toHaveValue(NUMBER)
  })

  it('shows the progress, names the reporter as such, and offers to add the ticket here', async () => {
    serve()
    renderRoute(paths.receiptLookup(NUMBER, CODE))
    const timeline = await screen.findByRole('list', { name: '办理过程' })
    expect(within(timeline).getByText('提交反映 · 反映人')).toBeInTheDocument()
    expect(timeline).not.toHaveTextContent('· 我')
    await waitFor(() =>
      expect(screen.getByRole('link', { name: '添加到这部手机' })).toHaveAttribute(
        'href',
        paths.claim(NUMBER, CODE),
      ),
    )
  })
})
