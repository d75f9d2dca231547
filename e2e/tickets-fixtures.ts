// Helpers for the owner's ticket journeys: the owner's phone is a browser page whose device
// credential is registered through the API and stored where the app keeps it; the desk, unit and
// office act through the staff API with their own cookie sessions.
import {
  expect,
  request as playwrightRequest,
  type APIRequestContext,
  type Page,
} from '@playwright/test'
import { DEMO_PASSWORD, sendReport, type Owner, type SentReport } from './staff-fixtures'

/** Opens the app, registers a device and stores its credential as the app would have. */
export async function ownerPhone(page: Page): Promise<Owner> {
  const response = await page.request.post('/api/devices')
  expect(response.status()).toBe(201)
  const device = (await response.json()) as { deviceId: string; credential: string }
  await page.goto('/drafts')
  // The drafts screen has read IndexedDB, so the app has created its database by now.
  await page.getByText('草稿只保存在这部手机上，还没有发送。').waitFor()
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('guishang')
        open.onerror = () => reject(new Error('cannot open the database'))
        open.onsuccess = () => {
          const put = open.result
            .transaction('settings', 'readwrite')
            .objectStore('settings')
            .put({ key: 'device', value })
          put.onsuccess = () => {
            open.result.close()
            resolve()
          }
          put.onerror = () => reject(new Error('cannot store the credential'))
        }
      }),
    device,
  )
  return { credential: device.credential, auth: { authorization: `Bearer ${device.credential}` } }
}

export async function reportFrom(page: Page, owner: Owner, title: string): Promise<SentReport> {
  return sendReport(page.request, owner, { title, divisionCode: '450100', category: 'help' })
}

export type Staff = {
  api: APIRequestContext
  send: (ticketId: string, event: object) => Promise<void>
}

/** A staff member's own API session (cookie), as the console would hold it. */
export async function staffSession(baseURL: string | undefined, username: string): Promise<Staff> {
  const api = await playwrightRequest.newContext({ baseURL })
  const signIn = await api.post('/api/staff/session', {
    data: { username, password: DEMO_PASSWORD },
  })
  expect(signIn.ok()).toBe(true)
  return {
    api,
    async send(ticketId, event) {
      const response = await api.post(`/api/staff/tickets/${ticketId}/events`, { data: event })
      expect(response.ok(), await response.text()).toBe(true)
    },
  }
}

/** Marks the page so a test can tell it was never reloaded. */
export async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    ;(window as unknown as { notReloaded: boolean }).notReloaded = true
  })
}

export async function expectNotReloaded(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
  ).toBe(true)
}

export const statusOf = (page: Page) => page.getByTestId('ticket-status')

/** This phone's device credential, as the app stored it when it first sent something. */
export async function deviceCredential(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('guishang')
        open.onerror = () => reject(new Error('cannot open the database'))
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get('device')
          get.onsuccess = () => {
            const row = get.result as { value?: { credential?: string } } | undefined
            open.result.close()
            if (row?.value?.credential) resolve(row.value.credential)
            else reject(new Error('no device credential yet'))
          }
        }
      }),
  )
}
