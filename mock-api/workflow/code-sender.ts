/**
 * How a one-time link code reaches the contact phone: by SMS through the notification pipeline
 * (notifyingCodeSender). The development sender writes one info line to the server log,
 * `[link code] 138****1234 → 123456`, which the end-to-end tests grep for. The phone is masked
 * there as in staff lists.
 */
import { randomUUID } from 'node:crypto'
import { maskPhone } from '../domain/phone.js'
import type { Database } from '../storage/database.js'
import type { WriteTransaction } from '../storage/group-commit.js'
import { notifyLinkCode } from './notifications.js'

export interface CodeSender {
  send(phone: string, code: string): Promise<void>
}

export type InfoLogger = { info(object: object, message: string): void }

export function logCodeSender(log: InfoLogger): CodeSender {
  return {
    send(phone, code) {
      const masked = maskPhone(phone)
      log.info({ linkCode: code, phone: masked }, `[link code] ${masked} → ${code}`)
      return Promise.resolve()
    },
  }
}

/**
 * The real sender: the code goes out as an urgent SMS through the notification pipeline (so
 * quiet hours do not hold it, and the provider's answer shows in the admin view). With the `log`
 * SMS provider the development line above is written too, as the journeys expect.
 */
export function notifyingCodeSender(
  write: WriteTransaction<Database>,
  clock: { now(): Date },
  devLog: InfoLogger | null,
): CodeSender {
  const logged = devLog ? logCodeSender(devLog) : null
  return {
    async send(phone, code) {
      await write((trx) => notifyLinkCode(trx, { id: randomUUID(), phone, code }, clock.now()))
      await logged?.send(phone, code)
    },
  }
}

/** A sender that keeps what it was given, for tests. */
export function capturingCodeSender(): CodeSender & { sent: { phone: string; code: string }[] } {
  const sent: { phone: string; code: string }[] = []
  return {
    sent,
    send(phone, code) {
      sent.push({ phone, code })
      return Promise.resolve()
    },
  }
}
