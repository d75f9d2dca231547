// The refusals of an attachment upload, each with the message the app shows as is.
import { ProblemError } from '../plugins/problems.js'

/** Per file, as uploaded: a phone photo is 2-6 MB; 10 MB leaves room for a large one. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
/** Per ticket and uploader (the owner's photos; a unit's reply files count apart). */
export const MAX_ATTACHMENTS = 9

export const fileTooLarge = () =>
  new ProblemError(413, 'file_too_large', {
    zh: '照片不能超过 10 MB，请压缩后再上传。',
    en: 'A photo may be at most 10 MB; please send a smaller one.',
  })

export const unsupportedFile = () =>
  new ProblemError(415, 'unsupported_file', {
    zh: '只能上传 JPEG、PNG、WebP 或 HEIC 格式的照片。',
    en: 'Only JPEG, PNG, WebP or HEIC photos can be attached.',
  })

export const unreadableImage = () =>
  new ProblemError(422, 'unreadable_image', {
    zh: '照片已损坏，无法打开，请重新选择。',
    en: 'This photo is damaged and cannot be opened; please choose it again.',
  })

export const tooManyAttachments = () =>
  new ProblemError(409, 'too_many_attachments', {
    zh: `每个工单最多上传 ${MAX_ATTACHMENTS} 张照片。`,
    en: `A ticket can have at most ${MAX_ATTACHMENTS} photos.`,
  })

export const ticketClosed = () =>
  new ProblemError(409, 'ticket_closed', {
    zh: '此工单已结束，不能再添加照片。',
    en: 'This ticket is finished; photos can no longer be added.',
  })

export const attachmentConflict = () =>
  new ProblemError(409, 'attachment_conflict', {
    zh: '此附件编号已用于另一张照片。',
    en: 'This attachment id is already used for a different photo.',
  })
