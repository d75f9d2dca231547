/**
 * How a one-time link code reaches the contact phone. Production plugs in an SMS gateway; the
 * development sender writes one info line to the server log, `[link code] 138****1234 → 123456`,
 * which the end-to-end tests grep for. The phone is masked there as in staff lists.
 */
import { maskPhone } from '../domain/phone.js'

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
