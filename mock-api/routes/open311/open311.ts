// The Open311 GeoReport v2 door, under /open311/v2: its own body parser (forms) and its own error
// form, scoped to this plugin so the rest of the API is untouched. The security headers and the
// body limit are the app's, as on every route.
import type { FastifyPluginCallback } from 'fastify'
import type { AppDeps } from '../../deps/app-deps.js'
import { acceptFormBodies } from './form-body.js'
import { registerOpen311Errors } from './open311-errors.js'
import { registerOpen311Requests } from './requests.js'
import { registerOpen311Services } from './services.js'

export const open311Routes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  acceptFormBodies(app)
  registerOpen311Errors(app)
  registerOpen311Services(app, deps)
  registerOpen311Requests(app, deps)
  done()
}
