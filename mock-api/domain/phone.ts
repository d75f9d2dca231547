/**
 * How a phone number is shown where it must not be read in full (staff lists, the server log):
 * a mobile as 138****1234 (DOMAIN.md), a landline with its area code and last four digits.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`
  const areaCode = /^0(10|2\d)/.test(digits) ? digits.slice(0, 3) : digits.slice(0, 4)
  return digits.length < 8 ? '****' : `${areaCode}-****${digits.slice(-4)}`
}

/** A mainland mobile number (11 digits from 1): the only kind an SMS can reach. */
export const isMobilePhone = (phone: string): boolean => /^1\d{10}$/.test(phone.replace(/\D/g, ''))
