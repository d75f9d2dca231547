// An attachment as the wire shows it: the cleaned file's facts and where to fetch it and its
// thumbnail. Never the content address or the original's hash.
import type { Attachment } from '../contract.js'
import { ATTACHMENT_MIMES } from '../contract.js'
import type { AttachmentRow } from '../storage/attachments.js'

function attachmentMime(mime: string): Attachment['mime'] {
  const known = ATTACHMENT_MIMES.find((m) => m === mime)
  if (!known) throw new Error(`attachment stored with unexpected type ${mime}`)
  return known
}

export function toAttachmentJson(row: AttachmentRow): Attachment {
  const url = `/api/tickets/${encodeURIComponent(row.ticket_id)}/attachments/${encodeURIComponent(row.id)}`
  return {
    id: row.id,
    ticketId: row.ticket_id,
    mime: attachmentMime(row.mime),
    size: Number(row.size),
    width: row.width === null ? null : Number(row.width),
    height: row.height === null ? null : Number(row.height),
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
    url,
    thumbnailUrl: row.thumbnail_sha256 === null ? null : `${url}/thumbnail`,
  }
}
