import { expect, test, type Page } from '@playwright/test'
import { waitForServiceWorker } from './fixtures'
import { ownerPhone, reportFrom, staffSession, statusOf } from './tickets-fixtures'

// The app follows the owner's tickets wherever it is open, not only on the ticket screens: a
// change that arrives while the home screen is showing updates the copy kept on the phone, so
// the ticket opened later without a network shows it.

/** The status of the ticket in the phone's offline copy (read straight from IndexedDB). */
function cachedStatus(page: Page, ticketId: string) {
  return page.evaluate(
    (key) =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('guishang')
        open.onerror = () => reject(new Error('cannot open the database'))
        open.onsuccess = () => {
          const row = open.result.transaction('settings').objectStore('settings').get(key)
          row.onsuccess = () => {
            open.result.close()
            const stored = row.result as { value?: { value?: { status?: string } } } | undefined
            resolve(stored?.value?.value?.status ?? null)
          }
        }
      }),
    `tickets:cache:one:${ticketId}`,
  )
}

test('a change that arrives on the home screen is there when the ticket is opened offline', async ({
  page,
  context,
  baseURL,
}) => {
  const owner = await ownerPhone(page)
  await waitForServiceWorker(page)
  const ticket = await reportFrom(page, owner, '餐饮店油烟检测报告办理进度')
  const desk = await staffSession(baseURL, 'desk.nanning')

  const streamOpened = page.waitForResponse('/api/events')
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: '反映问题' })).toBeVisible()
  await streamOpened

  await desk.send(ticket.id, { type: 'accept' })
  await expect.poll(() => cachedStatus(page, ticket.id)).toBe('accepted')

  await context.setOffline(true)
  await page.goto(`/tickets/${ticket.id}`)
  await expect(statusOf(page)).toHaveText('已受理')
  await expect(page.getByText(/^离线：显示的是 .+ 的状态$/)).toBeVisible()
  await context.setOffline(false)
  await desk.api.dispose()
})
