// The admin's view of the notification pipeline: the newest messages with their channel, status
// and the provider's answer, and how many the sender gave up on. Phones are masked as in lists.
import type { Kysely } from 'kysely'
import type { AdminNotifications } from '../contract.js'
import { maskPhone } from '../domain/phone.js'
import type { Database } from '../storage/database.js'
import { countFailedNotifications, recentNotifications } from '../storage/notifications.js'

const RECENT = 100

export async function loadAdminNotifications(db: Kysely<Database>): Promise<AdminNotifications> {
  const [rows, failed] = await Promise.all([
    recentNotifications(db, RECENT),
    countFailedNotifications(db),
  ])
  return {
    failed,
    recent: rows.map((row) => {
      const payload = JSON.parse(row.payload) as { number?: string | null }
      return {
        id: row.id,
        channel: row.channel,
        recipient: row.channel === 'sms' ? maskPhone(row.recipient) : 'push',
        event: row.event,
        ticketNumber: payload.number ?? null,
        status: row.status,
        attempts: row.attempts,
        answer: row.answer,
        createdAt: row.created_at,
        sentAt: row.sent_at,
      }
    }),
  }
}

/** The failure count alone, for the office and admin board. */
export const failedNotificationCount = (db: Kysely<Database>): Promise<number> =>
  countFailedNotifications(db)
