import type { InputHTMLAttributes, ReactNode } from 'react'

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> & {
  id: string
  label: ReactNode
  value: string
  onChange: (value: string) => void
}

/** One labelled input of a staff form; other input attributes pass through. */
export function TextField({ id, label, value, onChange, ...input }: Props) {
  return (
    <div className="gs-staff-field">
      <label htmlFor={id}>{label}</label>
      <input {...input} id={id} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  )
}
