/**
 * Requests as this phone's owner: the device credential as a bearer, and one new registration
 * when the server no longer knows it (the same rule the outbox's flush follows). A phone that
 * never registered has no tickets, so reads answer `null` instead of registering a device.
 */
import { authorization, deviceCredential, replaceCredential, storedCredential } from '@/lib/device'
import { ApiProblem, request, type RequestOptions } from '@/lib/http'

async function withCredential<T>(credential: string, options: RequestOptions): Promise<T> {
  try {
    return (await send<T>(credential, options)).body
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status !== 401) throw error
    return (await send<T>(await replaceCredential(credential), options)).body
  }
}

const send = <T>(credential: string, options: RequestOptions) =>
  request<T>({ ...options, headers: { ...options.headers, ...authorization(credential) } })

/** GET as the owner; null when this phone has never sent anything (no credential). */
export async function ownerGet(path: string): Promise<unknown> {
  const credential = await storedCredential()
  if (credential === null) return null
  return withCredential<unknown>(credential, { path })
}

/** POST JSON as the owner, registering the phone first when it has no credential yet. */
export async function ownerPost(path: string, value: unknown): Promise<unknown> {
  return withCredential<unknown>(await deviceCredential(), {
    method: 'POST',
    path,
    body: { kind: 'json', value },
  })
}

/** A file the owner may read (an attachment), as a Blob. */
export async function ownerBlob(url: string): Promise<Blob> {
  const credential = await deviceCredential()
  const response = await fetch(url, { headers: authorization(credential) })
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`)
  return response.blob()
}

/** A JSON write other than POST (a setting) as the owner. */
export async function ownerSend(
  method: 'PUT' | 'DELETE',
  path: string,
  value: unknown,
): Promise<unknown> {
  return withCredential<unknown>(await deviceCredential(), {
    method,
    path,
    body: { kind: 'json', value },
  })
}
