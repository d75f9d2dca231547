import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { ChevronIcon } from './icons'

type Props = {
  to: string
  icon: ReactNode
  title: string
  hint: string
  isPrimary?: boolean
}

/** A large, full-width link to a task: an icon, what it does, and a one-line hint. */
export function ActionLink({ to, icon, title, hint, isPrimary = false }: Props) {
  return (
    <Link to={to} className={isPrimary ? 'gs-action gs-action--primary' : 'gs-action'}>
      <span className="gs-action__icon">{icon}</span>
      <span className="gs-action__text">
        <span className="gs-action__title">{title}</span>
        <span className="gs-action__hint">{hint}</span>
      </span>
      <ChevronIcon />
    </Link>
  )
}
