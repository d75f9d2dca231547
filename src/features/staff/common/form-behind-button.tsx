import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Button } from '@/ui/button'

/**
 * A create form kept behind its button, after the list: the list is what an admin page is opened
 * for (issue 17). The button opens the form in its place and puts the cursor in its first field,
 * so the keyboard is not left on a button that is gone.
 */
export function FormBehindButton({ label, children }: { label: string; children: ReactNode }) {
  const [isOpen, setIsOpen] = useState(false)
  const place = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (isOpen) place.current?.querySelector<HTMLElement>('input, select, textarea')?.focus()
  }, [isOpen])
  if (!isOpen) {
    return (
      <p>
        <Button variant="secondary" onClick={() => setIsOpen(true)}>
          {label}
        </Button>
      </p>
    )
  }
  return <div ref={place}>{children}</div>
}
