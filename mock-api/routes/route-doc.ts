/**
 * How a route describes itself for the OpenAPI document (`GET /api/docs`). Each route module
 * exports a `RouteDoc[]` beside its plugin; the document is generated from these zod schemas, and
 * a test fails when a registered `/api` route has no doc (or a doc has no route).
 */
import type { ZodType } from 'zod'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Who may call the route: nobody special, an owner's device, or signed-in staff (with roles). */
export type RouteAuth =
  | { kind: 'public' }
  | { kind: 'owner' }
  | { kind: 'owner-or-stream-token' }
  /** The ticket's owner (bearer) or staff whose scope holds the ticket (session cookie). */
  | { kind: 'owner-or-staff' }
  | { kind: 'staff'; roles?: readonly string[] }
  | { kind: 'test-clock' }
  /** Open311: the owner's device credential as the `api_key` form field or query parameter. */
  | { kind: 'open311-key' }

export type ResponseDoc = {
  description: string
  /** JSON body; omit for an empty body or a non-JSON one (then give `contentType`). */
  schema?: ZodType
  contentType?: string
  /**
   * Other media types the status answers with besides the JSON `schema`, by content negotiation
   * (`text/csv`), each with a short description of that body.
   */
  alternatives?: Readonly<Record<string, string>>
}

export type RouteDoc = {
  method: HttpMethod
  /** OpenAPI style, with the /api prefix: `/api/tickets/{id}`. */
  path: string
  summary: string
  tags: readonly string[]
  auth: RouteAuth
  params?: ZodType
  query?: ZodType
  /** A JSON body schema, `multipart` for uploads, or `form` for a URL-encoded form (Open311). */
  body?: ZodType | { multipart: Readonly<Record<string, string>> } | { form: ZodType }
  /** Header the route reads besides auth, e.g. `Idempotency-Key`. */
  headers?: Readonly<Record<string, string>>
  responses: Readonly<Record<number, ResponseDoc>>
}
