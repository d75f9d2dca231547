import { existsSync, readFileSync } from 'node:fs'
import { test } from '@playwright/test'
import { aWorkingDayAfter } from './staff-fixtures'
import { E2E_DATA } from './places.mjs'

// The demo's SMS provider is the log driver: every message is one JSON line in DATA_DIR/sms.jsonl.

export type SmsLine = {
  at: string
  to: string
  text: string
  event: string
  ticketId: string | null
}

/** The messages sent so far about one ticket, oldest first. */
export const smsFor = (ticketId: string): SmsLine[] => {
  const file = `${E2E_DATA}/sms.jsonl`
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SmsLine)
    .filter((line) => line.ticketId === ticketId)
}

/**
 * Runs each test of the file at 10:00 China time on a fresh working day: out of the SMS quiet
 * hours and under the daily cap per phone (every journey reports with the same phone).
 */
export function atSmsHours(): void {
  test.beforeEach(async ({ request }) => {
    const day = aWorkingDayAfter(new Date().toISOString().slice(0, 10))
    await request.post('/api/test/clock', { data: { now: `${day}T10:00:00+08:00` } })
  })
  test.afterEach(async ({ request }) => {
    await request.post('/api/test/clock', { data: { now: new Date().toISOString() } })
  })
}
