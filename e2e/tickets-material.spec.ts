import { expect, test, type Page } from '@playwright/test'
import sharp from 'sharp'
import { waitForServiceWorker } from './fixtures'
import { openTicket, signInAs } from './staff-fixtures'
import { ownerPhone, reportFrom, statusOf } from './tickets-fixtures'

// The owner adds material to an open ticket while offline: the text and a photo wait in the
// outbox (the photo already compressed on the phone), go out once the phone is back online, and
// the desk sees both on the ticket.

const TEXT = '补充：施工围挡挡住了店门，顾客进不来，附现场照片。'

/** A phone camera's photo: 4000 × 3000, about 5-6 MB of JPEG. */
const cameraPhoto = () =>
  sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#7a8a6a',
      noise: { type: 'gaussian', mean: 128, sigma: 20 },
    },
  })
    .jpeg({ quality: 90 })
    .toBuffer()

/** The photo the outbox keeps for sending (read straight from IndexedDB). */
function queuedPhoto(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ size: number; type: string } | null>((resolve, reject) => {
        const open = indexedDB.open('guishang')
        open.onerror = () => reject(new Error('cannot open the database'))
        open.onsuccess = () => {
          const all = open.result.transaction('outbox').objectStore('outbox').getAll()
          all.onsuccess = () => {
            open.result.close()
            type Item = { path: string; body: { files?: { file?: Blob } } }
            const item = (all.result as Item[]).find((each) => each.path.endsWith('/attachments'))
            const file = item?.body.files?.file
            resolve(file ? { size: file.size, type: file.type } : null)
          }
        }
      }),
  )
}

test('material added offline is sent once online, the photo compressed on the phone', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  const owner = await ownerPhone(page)
  await waitForServiceWorker(page)
  const ticket = await reportFrom(page, owner, '店门口道路施工影响顾客进店')
  const original = await cameraPhoto()

  await page.goto(`/tickets/${ticket.id}`)
  await expect(statusOf(page)).toHaveText('待受理')

  await context.setOffline(true)
  const form = page.getByRole('form', { name: '补充材料' })
  await form.getByLabel('补充说明').fill(TEXT)
  await form
    .getByLabel('添加照片')
    .setInputFiles({ name: 'IMG_20260302_101500.jpg', mimeType: 'image/jpeg', buffer: original })
  await form.getByRole('button', { name: '提交补充材料' }).click()
  // Said once, in the form's place (issue 17): no separate "N actions saved" line besides it.
  await expect(form.getByRole('status')).toHaveText('补充材料已保存，联网后自动发送。')
  await expect(page.getByText(/联网后自动发送/)).toHaveCount(1)

  const queued = await queuedPhoto(page)
  expect(queued?.type).toBe('image/jpeg')
  expect(queued?.size).toBeLessThan(original.length / 4)

  await context.setOffline(false)
  await expect(form.getByRole('status')).toHaveText('补充材料已送达，已记入办理过程。')
  const timeline = page.getByRole('list', { name: '办理过程' })
  await expect(timeline.locator('[data-type="add_material"]')).toContainText(TEXT)
  await expect(page.getByRole('img', { name: '照片 1' })).toBeVisible()

  const desk = await signInAs(browser, baseURL, 'desk.nanning')
  await openTicket(desk, ticket)
  await expect(desk.locator('.gs-staff-history')).toContainText(TEXT)
  const photo = desk.getByRole('list', { name: '附件' }).getByRole('img', { name: '附件图片' })
  await expect(photo).toHaveCount(1)
  await expect
    .poll(() => photo.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBeGreaterThan(0)

  // What the server keeps is the phone's 1600 px version, not the camera's 4000 px original.
  const stored = await desk.request.get(`/api/staff/tickets/${ticket.id}`)
  const { attachments } = (await stored.json()) as {
    attachments: { mime: string; width: number; height: number; size: number }[]
  }
  expect(attachments).toHaveLength(1)
  expect(attachments[0]).toMatchObject({ mime: 'image/jpeg', width: 1600, height: 1200 })
  expect(attachments[0]?.size).toBeLessThan(original.length)
  await desk.context().close()
})
