/**
 * The admin's changes to staff accounts. Each write and its audit entry share one transaction.
 * A change that takes access away or moves it (disabled, new role or scope, new password) ends
 * the account's sessions, so it holds from the account's next request, not its next sign-in.
 * An admin cannot lock themself out: no disabling or demoting one's own account.
 */
import type { StaffAccountChange, StaffAccountInput } from '../contract.js'
import { recordAudit } from '../storage/audit.js'
import { hashPassword } from '../storage/passwords.js'
import type { StaffAccountRow, StaffChange } from '../storage/staff-accounts.js'
import {
  findStaffAccount,
  insertStaff,
  listStaffAccounts,
  updateStaff,
} from '../storage/staff-accounts.js'
import { endSessionsOf } from '../storage/staff-sessions.js'
import type { AccountContext } from './staff-account-checks.js'
import { checkNewPassword, resolveScope } from './staff-account-checks.js'
import { Refused } from './refused.js'

export type { StaffAccountRow } from '../storage/staff-accounts.js'

const USERNAME_TAKEN = new Refused('username_taken', [{ field: 'username', code: 'taken' }])
const OWN_ACCESS = new Refused('own_access')

const found = async (context: AccountContext, id: string): Promise<StaffAccountRow> => {
  const account = await findStaffAccount(context.db, id)
  if (!account) throw new Refused('not_found')
  return account
}

/** Every account, disabled ones too: the admin's list. */
export const listAccounts = (db: AccountContext['db']): Promise<StaffAccountRow[]> =>
  listStaffAccounts(db)

export async function createAccount(context: AccountContext, input: StaffAccountInput) {
  checkNewPassword(context, input.password)
  const scope = await resolveScope(context.db, input)
  const passwordHash = await hashPassword(input.password)
  const { username, displayName } = input
  const id = await context.db.transaction().execute(async (trx) => {
    const created = await insertStaff(
      trx,
      { username, displayName, ...scope, passwordHash },
      context.now,
    )
    if (created === null) throw USERNAME_TAKEN
    await recordAudit(trx, {
      staffId: context.admin.id,
      action: 'staff_account_created',
      ticketId: null,
      detail: { accountId: created, username, ...scope },
      at: context.now,
    })
    return created
  })
  return found(context, id)
}

/** Only what differs from the account as stored; a password is always new. */
async function toChange(
  context: AccountContext,
  account: StaffAccountRow,
  change: StaffAccountChange,
): Promise<StaffChange> {
  const { role } = change
  const scope = role === undefined ? null : await resolveScope(context.db, { ...change, role })
  const isSelf = account.id === context.admin.id
  if (isSelf && (change.disabled === true || (scope !== null && scope.role !== 'admin'))) {
    throw OWN_ACCESS
  }
  if (change.password !== undefined) checkNewPassword(context, change.password)
  const patch: StaffChange = {}
  if (change.displayName !== undefined && change.displayName !== account.displayName) {
    patch.displayName = change.displayName
  }
  for (const key of ['role', 'divisionCode', 'unitId', 'servicePointId'] as const) {
    if (scope !== null && (scope[key] ?? null) !== (account[key] ?? null)) {
      Object.assign(patch, { [key]: scope[key] ?? null })
    }
  }
  if (change.disabled !== undefined && change.disabled !== account.isDisabled) {
    patch.isDisabled = change.disabled
  }
  if (change.password !== undefined) patch.passwordHash = await hashPassword(change.password)
  return patch
}

export async function changeAccount(
  context: AccountContext,
  id: string,
  change: StaffAccountChange,
): Promise<StaffAccountRow> {
  const account = await found(context, id)
  const patch = await toChange(context, account, change)
  const { passwordHash, ...shown } = patch
  if (Object.keys(patch).length === 0) return account
  const endsSessions =
    patch.isDisabled === true ||
    passwordHash !== undefined ||
    ['role', 'divisionCode', 'unitId', 'servicePointId'].some((key) => key in patch)
  const keep = account.id === context.admin.id ? context.sessionToken : null
  await context.db.transaction().execute(async (trx) => {
    await updateStaff(trx, id, patch, context.now)
    const sessionsEnded = endsSessions ? await endSessionsOf(trx, id, keep) : 0
    const changed = { ...shown, ...(passwordHash === undefined ? {} : { password: 'reset' }) }
    await recordAudit(trx, {
      staffId: context.admin.id,
      action: 'staff_account_changed',
      ticketId: null,
      detail: { accountId: id, username: account.username, changed, sessionsEnded },
      at: context.now,
    })
  })
  return found(context, id)
}
