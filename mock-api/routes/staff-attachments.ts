// A handling unit's files for its reply: photos of the letter, the site, the certificate. Only a
// unit handling the ticket adds them, while it is in progress; the owner sees them once the desk
// approves the reply (workflow/owner-attachments.ts). Same pipeline as an owner's photo.
import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../deps/app-deps.js'
import { attachmentSchema } from '../contract.js'
import { requireStaff, staffOf } from '../plugins/staff-auth.js'
import { toAttachmentJson } from '../workflow/attachment-json.js'
import { addReplyAttachment, requireHandledTicket } from '../workflow/ticket-attachments.js'
import { readUpload, registerUploads } from './attachment-upload.js'
import { ticketIdParamsSchema } from './attachments.js'
import type { RouteDoc } from './route-doc.js'

export const staffAttachmentRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  await registerUploads(app)

  app.post(
    '/staff/tickets/:id/attachments',
    { preHandler: requireStaff(deps, ['unit'], { multipart: true }) },
    async (request, reply) => {
      const staff = staffOf(request)
      const { id: ticketId } = ticketIdParamsSchema.parse(request.params)
      // Before the body is read: not in scope is a 404, not being handled a 409.
      await requireHandledTicket(deps.db.db, staff, ticketId)
      const upload = await readUpload(request)
      const { row, isReplay } = await addReplyAttachment(deps, staff, {
        ticketId,
        attachmentId: upload.id,
        bytes: upload.file,
      })
      const json = toAttachmentJson(row)
      return reply
        .code(isReplay ? 200 : 201)
        .header('Location', json.url)
        .send(json)
    },
  )
}

export const staffAttachmentDocs: RouteDoc[] = [
  {
    method: 'POST',
    path: '/api/staff/tickets/{id}/attachments',
    summary:
      'A handling unit attaches a photo to its reply (JPEG, PNG, WebP or HEIC by content; ≤ 10 MB; ' +
      '≤ 9 per ticket). Cleaned like an owner’s photo. The owner sees it once the desk approves a ' +
      'reply made after it. Same-origin multipart only.',
    tags: ['staff', 'attachments'],
    auth: { kind: 'staff', roles: ['unit'] },
    params: ticketIdParamsSchema,
    body: { multipart: { id: 'the attachment’s client UUID (idempotency)', file: 'the photo' } },
    responses: {
      201: { description: 'Stored', schema: attachmentSchema },
      200: { description: 'The same id and bytes again', schema: attachmentSchema },
      400: {
        description: '`bad_multipart`: the form was cut off or has no boundary; nothing is kept',
      },
      401: { description: 'No staff session' },
      403: { description: 'Not a handling unit' },
      404: { description: 'No such ticket in this unit’s scope' },
      409: {
        description:
          '`not_handling` (the ticket is not in progress), `too_many_attachments`, `attachment_conflict`',
      },
      413: { description: '`file_too_large`' },
      415: { description: '`unsupported_file`, or not a same-origin multipart request' },
      422: { description: '`unreadable_image`, or a missing/invalid field' },
    },
  },
]
