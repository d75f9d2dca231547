/** Simulates a new page: what only the DOM remembered (classes, inline styles, lang) is gone. */
export function resetDocument(): void {
  const root = document.documentElement
  root.className = ''
  root.removeAttribute('style')
  root.lang = ''
}
