// Who may read a ticket's attachments: its owner (bearer credential) or staff whose scope holds
// the ticket (session cookie). Anyone else gets the same 404 as for a missing ticket.
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { AppDeps } from '../deps/app-deps.js'
import { requireOwner } from '../plugins/owner-auth.js'
import { problemFor } from '../plugins/problems.js'
import { requireStaff } from '../plugins/staff-auth.js'
import { findTicketForAttachments } from '../storage/attachments.js'
import type { StaffMember } from '../workflow/staff-scope.js'
import { findTicketInScope } from '../workflow/staff-scope.js'

/** The bearer credential decides when one is sent; otherwise the staff session must. */
export function requireOwnerOrStaff(deps: AppDeps): preHandlerAsyncHookHandler {
  const owner = requireOwner(deps)
  const staff = requireStaff(deps)
  return async function (request, reply) {
    const guard = request.headers.authorization === undefined ? staff : owner
    await guard.call(this, request, reply)
  }
}

/** Null for the owner of the ticket; the staff member for staff who may see it; else 404. */
export async function requireTicketReader(
  deps: AppDeps,
  request: FastifyRequest,
  ticketId: string,
): Promise<StaffMember | null> {
  if (request.owner) {
    const ticket = await findTicketForAttachments(deps.db.db, ticketId)
    if (ticket?.owner_id !== request.owner.ownerId) throw problemFor(404)
    return null
  }
  if (!request.staff) throw problemFor(401)
  if (!(await findTicketInScope(deps.db.db, request.staff, ticketId))) throw problemFor(404)
  return request.staff
}
