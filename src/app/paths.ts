/** Every URL of the owner app. Route patterns live in router.tsx; screens link only through these. */
export const paths = {
  home: () => '/',
  scan: () => '/scan',
  drafts: () => '/drafts',
  newDraft: () => '/drafts/new',
  draft: (id: string) => `/drafts/${encodeURIComponent(id)}`,
  code: (token: string) => `/q/${encodeURIComponent(token)}`,
  receipt: (ticketId: string) => `/receipts/${encodeURIComponent(ticketId)}`,
  /** What a receipt's QR opens on any phone: the ticket looked up by number and code (issue 5). */
  receiptLookup: (number: string, code: string) =>
    `/r/${encodeURIComponent(number)}?code=${encodeURIComponent(code)}`,
  tickets: () => '/tickets',
  ticket: (id: string) => `/tickets/${encodeURIComponent(id)}`,
  caseFile: (id: string) => `/tickets/${encodeURIComponent(id)}/case-file`,
  linkDevice: () => '/tickets/link',
  lookup: () => '/lookup',
  /** The claim screen of a registered report, filled in from its SMS link or receipt QR. */
  claim: (number?: string, code?: string) =>
    number === undefined
      ? '/claim'
      : `/claim?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code ?? '')}`,
  /** An entity code (经营主体服务码): starts a report with the business filled in. */
  entityCode: (token: string) => `/e/${encodeURIComponent(token)}`,
}

/** The screen one level up, where the nav bar's back link goes: /drafts/abc → /drafts, /scan → /. */
export function parentPath(pathname: string): string {
  return pathname.replace(/\/[^/]*\/?$/, '') || paths.home()
}
