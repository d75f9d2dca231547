import type { ReactNode } from 'react'

/** A screen or list with nothing to show yet: what that means, and what to do next. */
export function EmptyState({ message, children }: { message: ReactNode; children?: ReactNode }) {
  return (
    <div className="gs-empty">
      <p className="gs-empty__message">{message}</p>
      {children}
    </div>
  )
}
