/** Every URL of the owner app. Route patterns live in router.tsx; screens link only through these. */
export const paths = {
  home: () => '/',
  scan: () => '/scan',
  drafts: () => '/drafts',
  newDraft: () => '/drafts/new',
  draft: (id: string) => `/drafts/${encodeURIComponent(id)}`,
  tickets: () => '/tickets',
  ticket: (id: string) => `/tickets/${encodeURIComponent(id)}`,
}

/** The screen one level up, where the nav bar's back link goes: /drafts/abc → /drafts, /scan → /. */
export function parentPath(pathname: string): string {
  return pathname.replace(/\/[^/]*\/?$/, '') || paths.home()
}
