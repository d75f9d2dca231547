import type { ComponentPropsWithRef, ReactNode } from 'react'
import './button.css'

/*
 * Spacing, decided once: a button carries no outer margin (the old `.gs-button` had
 * `margin-top: 1rem`, so a button in a grid got a gap and a margin, and one in a flex row sat
 * lower than its neighbour). What holds buttons spaces them:
 * - a form, card or section that is a grid with a gap (`gs-ticket-form`, `gs-draft-form`,
 *   `gs-scanner`, `gs-empty` …) takes its buttons as they are;
 * - where a button follows text in plain flow (a screen's last action, a note's answer), wrap it,
 *   or the buttons of one choice, in `ButtonRow`: it carries the one margin above and the gap.
 * On a phone a screen's own actions are `block` (full width, as the thumb expects).
 */

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'link'
export type ButtonSize = 'small' | 'medium'

type Look = { variant?: ButtonVariant; size?: ButtonSize; block?: boolean }

/** The kit's button classes, for a router <Link> or <a> that must look like a button. */
export function buttonClass({ variant = 'primary', size = 'medium', block = false }: Look = {}) {
  return ['gs-btn', `gs-btn--${variant}`, `gs-btn--${size}`, block ? 'gs-btn--block' : '']
    .filter(Boolean)
    .join(' ')
}

type Props = Omit<ComponentPropsWithRef<'button'>, 'className'> &
  Look & {
    /** Work in flight: the button is disabled, says it is busy, and shows `loadingText`. */
    loading?: boolean
    loadingText?: ReactNode
    className?: string
  }

/**
 * The one button of the app. primary: the screen's main action (one per screen or form);
 * secondary: the others; danger: what cannot be undone (pair it with a ConfirmDialog);
 * link: a quiet action inside text or a table row.
 */
export function Button({
  variant,
  size,
  block,
  loading = false,
  loadingText,
  className,
  type = 'button',
  disabled,
  children,
  ...rest
}: Props) {
  const look = buttonClass({ variant, size, block })
  return (
    <button
      {...rest}
      type={type}
      className={className ? `${look} ${className}` : look}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
    >
      {loading && loadingText !== undefined ? loadingText : children}
    </button>
  )
}

/** Buttons (or button-looking links) that follow text: 1rem above them, 0.5rem between them. */
export function ButtonRow({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div className={className ? `gs-button-row ${className}` : 'gs-button-row'}>{children}</div>
  )
}
