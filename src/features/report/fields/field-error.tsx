/** A field's error, next to it; the field points here with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null
  return (
    <p id={id} className="gs-field__error">
      {message}
    </p>
  )
}

/** The aria attributes of a field whose error (if any) is rendered with `errorId`. */
export function describedBy(errorId: string, error: string | undefined, hintId?: string) {
  const ids = [hintId, error ? errorId : undefined].filter(Boolean).join(' ')
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined }
}
