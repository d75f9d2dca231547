// The demo's SMS "provider": appends each message as one JSON line `{ at, to, text, event,
// ticketId }` to $DATA_DIR/sms.jsonl and logs it, so a demo (and the journeys) can read what an
// owner would have received. Production refuses it unless SMS_LOG_IN_PRODUCTION says it is meant.
import { appendFile } from 'node:fs/promises'
import { join } from 'node:path'
import { maskPhone } from '../../domain/phone.js'
import type { SmsDriver } from '../notification-delivery.js'

export const SMS_LOG_FILE = 'sms.jsonl'

export type InfoLog = { info(object: object, message: string): void }

export function logSmsDriver(dataDir: string, log: InfoLog): SmsDriver {
  const file = join(dataDir, SMS_LOG_FILE)
  return {
    name: 'log',
    async send(message) {
      const line = {
        at: message.at.toISOString(),
        to: message.to,
        text: message.text,
        event: message.kind,
        ticketId: message.ticketId,
      }
      await appendFile(file, `${JSON.stringify(line)}\n`, 'utf8')
      log.info({ sms: { ...line, to: maskPhone(message.to) } }, `[sms] ${maskPhone(message.to)}`)
      return { kind: 'sent', answer: `written to ${SMS_LOG_FILE}` }
    },
  }
}
