// Photos on a ticket: the owner uploads (multipart, idempotent per attachment id) while the
// ticket is open; the owner and staff in scope list them and fetch the cleaned file and its
// thumbnail.
import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import { getOwner, requireOwner } from '../plugins/owner-auth.js'
import { attachmentListSchema, attachmentSchema } from '../contract.js'
import { toAttachmentJson } from '../workflow/attachment-json.js'
import { storeAttachment } from '../workflow/store-attachment.js'
import {
  listTicketAttachments,
  openAttachmentFile,
  requireOwnersTicket,
} from '../workflow/ticket-attachments.js'
import { readerOf, requireOwnerOrStaff } from './attachment-access.js'
import { sendFile } from './attachment-file-reply.js'
import { readUpload, registerUploads } from './attachment-upload.js'
import type { RouteDoc } from './route-doc.js'

// Any text: an id that names nothing the caller may see is not found, never a validation error.
export const ticketIdParamsSchema = z.object({ id: z.string().max(200) })
export const attachmentParamsSchema = ticketIdParamsSchema.extend({
  attachmentId: z.string().max(200),
})

export const attachmentRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  await registerUploads(app)

  app.post(
    '/tickets/:id/attachments',
    { preHandler: requireOwner(deps) },
    async (request, reply) => {
      const owner = getOwner(request)
      const { id: ticketId } = ticketIdParamsSchema.parse(request.params)
      // Before the body is read: someone else's ticket is a 404 whatever they send.
      await requireOwnersTicket(deps.db.db, owner.ownerId, ticketId)
      const upload = await readUpload(request)
      const { row, isReplay } = await storeAttachment(deps, {
        ticketId,
        attachmentId: upload.id,
        bytes: upload.file,
        uploadedBy: 'owner',
      })
      const json = toAttachmentJson(row)
      return reply
        .code(isReplay ? 200 : 201)
        .header('Location', json.url)
        .send(json)
    },
  )

  const readers = { preHandler: requireOwnerOrStaff(deps) }

  app.get('/tickets/:id/attachments', readers, async (request) => {
    const { id } = ticketIdParamsSchema.parse(request.params)
    return { attachments: await listTicketAttachments(deps.db.db, readerOf(request), id) }
  })

  app.get('/tickets/:id/attachments/:attachmentId', readers, async (request, reply) => {
    const { id: ticketId, attachmentId } = attachmentParamsSchema.parse(request.params)
    const ref = { ticketId, attachmentId, file: 'photo' } as const
    const file = await openAttachmentFile(deps, readerOf(request), ref)
    return sendFile(deps, reply, file.sha256, file.mime, file.name)
  })

  app.get('/tickets/:id/attachments/:attachmentId/thumbnail', readers, async (request, reply) => {
    const { id: ticketId, attachmentId } = attachmentParamsSchema.parse(request.params)
    const ref = { ticketId, attachmentId, file: 'thumbnail' } as const
    const file = await openAttachmentFile(deps, readerOf(request), ref)
    return sendFile(deps, reply, file.sha256, file.mime, file.name)
  })
}

const readerAuth = { kind: 'owner-or-staff' } as const
const READER_NOTE =
  'For the ticket’s owner (bearer credential) or staff whose scope holds the ticket (session cookie).'
const fileResponse = (what: string) => ({
  description: `${what} (image/jpeg, image/png or image/webp), inline, nosniff, CSP default-src 'none', cacheable privately`,
  contentType: 'image/*',
})
const notReadable = {
  401: { description: 'Neither a device credential nor a staff session' },
  404: { description: 'No such ticket or attachment, or not one the caller may see' },
}

export const attachmentDocs: RouteDoc[] = [
  {
    method: 'POST',
    path: '/api/tickets/{id}/attachments',
    summary:
      'Attach a photo to my open ticket (JPEG, PNG, WebP or HEIC by content; ≤ 10 MB; ≤ 9). ' +
      'EXIF/GPS and all other metadata are removed; HEIC becomes JPEG; a thumbnail is made.',
    tags: ['attachments'],
    auth: { kind: 'owner' },
    params: ticketIdParamsSchema,
    body: { multipart: { id: 'the attachment’s client UUID (idempotency)', file: 'the photo' } },
    responses: {
      201: { description: 'Stored', schema: attachmentSchema },
      200: {
        description: 'The same id and bytes again: the stored attachment',
        schema: attachmentSchema,
      },
      400: {
        description: '`bad_multipart`: the form was cut off or has no boundary; nothing is kept',
      },
      401: { description: 'No or unknown device credential' },
      404: { description: 'Not a ticket of mine' },
      409: {
        description:
          '`ticket_closed` (the ticket is finished), `too_many_attachments` (9 already), ' +
          '`attachment_conflict` (this id holds other bytes or another ticket)',
      },
      413: { description: '`file_too_large`: over 10 MB; nothing is kept' },
      415: { description: '`unsupported_file`: not a whole JPEG, PNG, WebP or HEIC file' },
      422: { description: '`unreadable_image` (does not decode), or a missing/invalid field' },
    },
  },
  {
    method: 'GET',
    path: '/api/tickets/{id}/attachments',
    summary: `The ticket’s attachments, oldest first. ${READER_NOTE}`,
    tags: ['attachments'],
    auth: readerAuth,
    params: ticketIdParamsSchema,
    responses: { 200: { description: 'The list', schema: attachmentListSchema }, ...notReadable },
  },
  {
    method: 'GET',
    path: '/api/tickets/{id}/attachments/{attachmentId}',
    summary: `The cleaned photo. ${READER_NOTE} A staff read is audited.`,
    tags: ['attachments'],
    auth: readerAuth,
    params: attachmentParamsSchema,
    responses: { 200: fileResponse('The photo'), ...notReadable },
  },
  {
    method: 'GET',
    path: '/api/tickets/{id}/attachments/{attachmentId}/thumbnail',
    summary: `The photo’s thumbnail (WebP, ≤ 320 px). ${READER_NOTE}`,
    tags: ['attachments'],
    auth: readerAuth,
    params: attachmentParamsSchema,
    responses: { 200: fileResponse('The thumbnail'), ...notReadable },
  },
]
