import type { ComponentPropsWithRef, ReactNode } from 'react'
import './button.css'

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
