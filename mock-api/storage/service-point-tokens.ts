// The token in a window code's link (`/q/<token>`): the service point's id and token version,
// signed under the window-code context (signed-tokens.ts).
import type { TokenRef } from './signed-tokens.js'
import { signToken, verifyToken } from './signed-tokens.js'

export type ServicePointRef = TokenRef

const CONTEXT = 'guishang:service-point:'

export const signServicePointToken = (secret: string, ref: ServicePointRef): string =>
  signToken(CONTEXT, secret, ref)

export const verifyServicePointToken = (secret: string, token: string): ServicePointRef | null =>
  verifyToken(CONTEXT, secret, token)
