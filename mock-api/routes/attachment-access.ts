// Who may read a ticket's attachments: its owner (bearer credential) or staff whose scope holds
// the ticket (session cookie). workflow/ticket-attachments.ts decides which ticket each may read;
// anyone else gets the same 404 as for a missing ticket.
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { AppDeps } from '../deps/app-deps.js'
import { requireOwner } from '../plugins/owner-auth.js'
import { problemFor } from '../plugins/problems.js'
import { requireStaff } from '../plugins/staff-auth.js'
import type { AttachmentReader } from '../workflow/ticket-attachments.js'

/** The bearer credential decides when one is sent; otherwise the staff session must. */
export function requireOwnerOrStaff(deps: AppDeps): preHandlerAsyncHookHandler {
  const owner = requireOwner(deps)
  const staff = requireStaff(deps)
  return async function (request, reply) {
    const guard = request.headers.authorization === undefined ? staff : owner
    await guard.call(this, request, reply)
  }
}

/** The reader the guard above let in: the owner when a credential was sent, else the staff. */
export function readerOf(request: FastifyRequest): AttachmentReader {
  if (request.owner) return { kind: 'owner', ownerId: request.owner.ownerId }
  if (!request.staff) throw problemFor(401)
  return { kind: 'staff', staff: request.staff }
}
