/**
 * Moving a device to the owner of a contact phone. Asking never reveals whether the phone is
 * known: the answer is the same, and a code is sent only when another owner reported with it.
 * A code lives 10 minutes and survives 5 wrong tries; a new request supersedes the old code.
 * When the device's previous owner has no other device, its tickets come along, so nothing the
 * device reported disappears from it.
 */
import { randomInt } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../storage/database.js'
import {
  activeLinkCode,
  consumeLinkCode,
  claimLinkAttempt,
  issueLinkCode,
  linkCodeMatches,
} from '../storage/link-codes.js'
import {
  copyPhones,
  countLiveDevices,
  hashPhone,
  moveDevice,
  ownerOfPhone,
} from '../storage/owners.js'
import { countOwnerTickets, reassignTickets } from '../storage/tickets.js'
import type { CodeSender } from './code-sender.js'
import { Refused, refused } from './refused.js'

export const LINK_CODE_TTL_MS = 10 * 60_000
export const LINK_CODE_ATTEMPTS = 5

export type LinkDeps = { db: Kysely<Database>; secret: string; now: Date }
export type LinkingDevice = { ownerId: string; deviceId: string }

const sixDigits = () => String(randomInt(0, 1_000_000)).padStart(6, '0')

/**
 * What a request for a code is counted under, for its limit: the asking device and the phone (by
 * its keyed hash, so the limits table never holds a number).
 */
export const linkRequestKeys = (secret: string, device: LinkingDevice, phone: string): string[] => [
  `device:${device.deviceId}`,
  `phone:${hashPhone(secret, phone)}`,
]

/** Sends a code when the phone belongs to another owner; silently does nothing otherwise. */
export async function requestLinkCode(
  deps: LinkDeps,
  sender: CodeSender,
  device: LinkingDevice,
  phone: string,
): Promise<void> {
  const phoneHash = hashPhone(deps.secret, phone)
  const ownerId = await ownerOfPhone(deps.db, phoneHash)
  if (ownerId === undefined || ownerId === device.ownerId) return
  const code = sixDigits()
  await deps.db.transaction().execute((trx) =>
    issueLinkCode(trx, deps.secret, {
      deviceId: device.deviceId,
      ownerId,
      phoneHash,
      code,
      now: deps.now,
      expiresAt: new Date(deps.now.getTime() + LINK_CODE_TTL_MS),
    }),
  )
  await sender.send(phone, code)
}

/** Checks the code and moves the device; returns how many tickets the device now sees. */
export async function confirmLinkCode(
  deps: LinkDeps,
  device: LinkingDevice,
  phone: string,
  code: string,
): Promise<{ linked: true; tickets: number }> {
  const { db, now } = deps
  const link = await activeLinkCode(db, device.deviceId, hashPhone(deps.secret, phone))
  if (!link) throw new Refused('link_code_gone')
  if (now.getTime() >= Date.parse(link.expires_at)) {
    throw new Refused('link_code_expired')
  }
  // Counted before the code is compared, so parallel guesses cannot all be checked.
  const attempts = await claimLinkAttempt(db, link.id, LINK_CODE_ATTEMPTS)
  if (attempts === null) throw new Refused('too_many_attempts')
  if (!linkCodeMatches(deps.secret, link, code)) {
    const attemptsLeft = Math.max(LINK_CODE_ATTEMPTS - attempts, 0)
    if (attemptsLeft === 0) throw new Refused('too_many_attempts')
    throw refused('wrong_code', 'code', { attemptsLeft })
  }
  return db.transaction().execute(async (trx) => {
    if (!(await consumeLinkCode(trx, link.id, now))) throw new Refused('link_code_gone')
    if (link.owner_id !== device.ownerId) {
      const isLastDevice = (await countLiveDevices(trx, device.ownerId)) === 1
      await moveDevice(trx, device.deviceId, link.owner_id)
      if (isLastDevice) {
        await reassignTickets(trx, device.ownerId, link.owner_id)
        await copyPhones(trx, device.ownerId, link.owner_id)
      }
    }
    return { linked: true as const, tickets: await countOwnerTickets(trx, link.owner_id) }
  })
}
