import { redirect } from 'react-router'
import { paths } from '../paths'

// Receipts are listed with the tickets; this is only where a receipt's Back link leads.
export function loader() {
  return redirect(paths.tickets())
}

// Never shown, as the loader redirects; react-router warns about a leaf route without a screen.
export function Component() {
  return null
}
