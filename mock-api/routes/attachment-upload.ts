// Reads the one photo of an upload request (multipart: `id`, `file`) into memory, refusing a
// file over the limit while it streams in, so an oversize upload is dropped, never stored.
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { ProblemError, problemFor } from '../plugins/problems.js'
import { MAX_UPLOAD_BYTES, fileTooLarge } from '../workflow/attachment-problems.js'
import { asProblemError } from '../plugins/refusal-table.js'

export const uploadFieldsSchema = z.object({
  /** The client's UUID for this attachment: the same id again is a retry. */
  id: z.uuid(),
  file: z.instanceof(Buffer, { message: 'required' }),
})
export type UploadFields = z.infer<typeof uploadFieldsSchema>

// The parser's own errors (a body cut off mid-part, a missing or wrong boundary, a malformed part
// header) are plain Errors without a code: whatever the client sent, it was not a whole form.
const BAD_MULTIPART = new ProblemError(400, 'bad_multipart', {
  zh: '上传的内容不完整或格式有误，请重新上传。',
  en: 'The upload was cut off or malformed; send it again.',
})

const HAS_BOUNDARY = /;\s*boundary=("[^"]+"|[^\s;"]+)/i

/** Registers multipart parsing on the (encapsulated) upload routes only. */
export async function registerUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 6 },
  })
}

export async function readUpload(request: FastifyRequest): Promise<UploadFields> {
  if (!request.isMultipart()) throw problemFor(415)
  if (!HAS_BOUNDARY.test(request.headers['content-type'] ?? '')) throw BAD_MULTIPART
  const fields: Record<string, unknown> = {}
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') fields[part.fieldname] = part.value
      else if (part.fieldname === 'file') fields.file = await part.toBuffer()
      else part.file.resume()
    }
  } catch (error) {
    throw asUploadProblem(error)
  }
  return uploadFieldsSchema.parse(fields)
}

function asUploadProblem(error: unknown): unknown {
  const known = asProblemError(error)
  if (known) return known
  if (!(error instanceof Error) || !('code' in error)) return BAD_MULTIPART
  switch (error.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return fileTooLarge()
    case 'FST_FILES_LIMIT':
      return problemFor(422, [{ field: 'file', code: 'one_file_only' }])
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return problemFor(422, [{ field: 'body', code: 'too_many_fields' }])
    default:
      return 'statusCode' in error && error.statusCode === 413 ? error : BAD_MULTIPART
  }
}
