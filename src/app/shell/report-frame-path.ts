/**
 * The screens that open as the report form: a window code's link (`/q/<token>`, which becomes a
 * new draft) and a draft (`/drafts/new`, `/drafts/<id>`). Their HTML is the form's empty frame,
 * prerendered at build time (report.html); the server and the service worker send it for these
 * paths (mock-api/plugins/static-app.ts and public/sw-report-frame.js hold the same pattern).
 */
export const REPORT_FRAME_PATH = /^\/(q|drafts)\/[^/]+\/?$/

export const isReportFramePath = (pathname: string): boolean => REPORT_FRAME_PATH.test(pathname)

/** `#root`'s `data-prerendered` in report.html; index.html's is the path it holds, "/". */
export const REPORT_FRAME_MARK = 'report-frame'
