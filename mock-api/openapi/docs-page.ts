/**
 * `GET /api/docs/ui`: the API document as one plain HTML page rendered on the server, with no
 * script and nothing from a CDN (the CSP allows neither), so it works offline and behind the
 * strictest proxy. Every operation and schema has an anchor to link to.
 */
import type { SafeHtml } from '../routes/html.js'
import { SafeHtml as Trusted, html } from '../routes/html.js'
import type { OpenApiDocument, Operation } from './document.js'
import type { JsonSchema } from './json-schemas.js'
import { schemaAnchor, schemaHtml } from './schema-html.js'

type Entry = { path: string; method: string; operation: Operation }

const STYLE = new Trusted(`
body { font: 15px/1.55 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2328;
  max-width: 980px; margin: 0 auto; padding: 24px; }
h1 { margin-bottom: 0; } h2 { margin-top: 40px; border-bottom: 1px solid #d0d7de; }
code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
nav ul { columns: 2; padding-left: 18px; } nav li { break-inside: avoid; }
.op { border: 1px solid #d0d7de; border-radius: 6px; padding: 4px 16px 12px; margin: 16px 0; }
.op h3 { font-size: 16px; } .method { display: inline-block; min-width: 5em; font-weight: 700; }
.get { color: #1a7f37; } .post { color: #0969da; } .put, .patch { color: #9a6700; }
.delete { color: #cf222e; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top;
  border-top: 1px solid #eaeef2; padding: 4px 8px; } th { font-weight: 600; }
.props { margin: 2px 0; padding-left: 18px; } .enum { color: #8250df; } .type { color: #57606a; }
.auth { color: #57606a; }
`)

const entriesOf = (document: OpenApiDocument): Entry[] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
  )

function authText(operation: Operation): string {
  switch (operation['x-auth']) {
    case 'public':
      return 'Public: no credential.'
    case 'owner':
      return 'Owner: the device credential as a Bearer token.'
    case 'owner-or-stream-token':
      return 'Owner: the Bearer credential, or a stream token as ?token=.'
    case 'owner-or-staff':
      return 'The ticket’s owner (Bearer credential) or staff whose scope holds it (session cookie).'
    case 'staff': {
      const roles = operation['x-staff-roles']
      return `Staff session cookie${roles ? `; roles: ${roles.join(', ')}` : ''}.`
    }
    case 'test-clock':
      return 'Only when the server runs with TEST_CLOCK=1.'
    case 'open311-key':
      return 'Open311: the device credential as api_key (query, or form field for POST).'
  }
}

function parametersHtml(parameters: readonly JsonSchema[] | undefined): SafeHtml {
  if (!parameters || parameters.length === 0) return html``
  return html`<h4>Parameters</h4>
    <table>
      <tr>
        <th>Name</th>
        <th>In</th>
        <th>Schema</th>
      </tr>
      ${parameters.map(
        (p) =>
          html`<tr>
            <td><code>${String(p.name)}</code>${p.required === true ? '' : '?'}</td>
            <td>${String(p.in)}</td>
            <td>
              ${schemaHtml((p.schema ?? {}) as JsonSchema)}
              ${typeof p.description === 'string' ? p.description : ''}
            </td>
          </tr>`,
      )}
    </table>`
}

function contentHtml(content: unknown): SafeHtml {
  if (typeof content !== 'object' || content === null) return html``
  return html`${Object.entries(content).map(
    ([type, media]) =>
      html`<div>
        <code>${type}</code>
        ${(media as JsonSchema).schema ? schemaHtml((media as JsonSchema).schema as JsonSchema) : ''}
      </div>`,
  )}`
}

function operationHtml({ path, method, operation }: Entry): SafeHtml {
  const body = operation.requestBody
  return html`<section class="op" id="${operation.operationId}">
    <h3>
      <a href="#${operation.operationId}"
        ><span class="method ${method}">${method.toUpperCase()}</span> <code>${path}</code></a
      >
    </h3>
    <p>${operation.summary}</p>
    <p class="auth">${authText(operation)}</p>
    ${parametersHtml(operation.parameters)}
    ${
      body
        ? html`<h4>Request body</h4>
            ${contentHtml(body.content)}`
        : ''
    }
    <h4>Responses</h4>
    <table>
      ${Object.entries(operation.responses).map(
        ([status, response]) =>
          html`<tr>
            <td><strong>${status}</strong></td>
            <td>${String(response.description)}${contentHtml(response.content)}</td>
          </tr>`,
      )}
    </table>
  </section>`
}

export function docsPageHtml(document: OpenApiDocument): string {
  const entries = entriesOf(document)
  const tags = document.tags.map((tag) => tag.name)
  const inTag = (tag: string) => entries.filter((e) => e.operation.tags[0] === tag)
  const schemas = Object.entries(document.components.schemas)
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${document.info.title} ${document.info.version}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <header>
          <h1>${document.info.title}</h1>
          <p>
            Version ${document.info.version} · OpenAPI ${document.openapi} ·
            <a href="/api/docs">the document as JSON</a>
          </p>
          <p>${document.info.description}</p>
        </header>
        <nav aria-label="Contents">
          <h2>Contents</h2>
          ${tags.map(
            (tag) =>
              html`<h3>${tag}</h3>
                <ul>
                  ${inTag(tag).map(
                    (e) =>
                      html`<li>
                        <a href="#${e.operation.operationId}"
                          ><span class="method ${e.method}">${e.method.toUpperCase()}</span>
                          ${e.path}</a
                        >
                      </li>`,
                  )}
                </ul>`,
          )}
        </nav>
        <main>
          ${tags.map(
            (tag) =>
              html`<h2 id="tag-${tag.replace(/\s+/g, '-')}">${tag}</h2>
                ${inTag(tag).map(operationHtml)}`,
          )}
          <h2 id="schemas">Schemas</h2>
          ${schemas.map(
            ([name, schema]) =>
              html`<section class="op" id="${schemaAnchor(name)}">
                <h3>${name}</h3>
                ${schemaHtml(schema)}
              </section>`,
          )}
        </main>
      </body>
    </html> `.value
}
