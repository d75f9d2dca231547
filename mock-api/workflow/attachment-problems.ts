// The refusals of an attachment upload; plugins/refusal-table.ts words them for the app.
import { Refused } from './refused.js'

/** Per file, as uploaded: a phone photo is 2-6 MB; 10 MB leaves room for a large one. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
/** Per ticket and uploader (the owner's photos; a unit's reply files count apart). */
export const MAX_ATTACHMENTS = 9

export const fileTooLarge = () => new Refused('file_too_large')

export const unsupportedFile = () => new Refused('unsupported_file')

export const unreadableImage = () => new Refused('unreadable_image')

export const tooManyAttachments = () => new Refused('too_many_attachments')

export const ticketClosed = () => new Refused('ticket_closed')

export const attachmentConflict = () => new Refused('attachment_conflict')
