/**
 * The report's fixed choices, without zod: the contract builds its enums from them
 * (contract/common.ts re-exports them), and the owner's report form draws them before zod has
 * loaded (the form must take typing without waiting for the contract's schemas).
 */
export const CATEGORIES = ['consultation', 'help', 'suggestion', 'complaint', 'report'] as const
export type Category = (typeof CATEGORIES)[number]

/**
 * DOMAIN.md: handling time after dispatch, in working days. The owner sees it on each category card,
 * the clerk beside the intake form's category.
 */
export const HANDLING_WORKING_DAYS = {
  consultation: 3,
  help: 5,
  suggestion: 5,
  complaint: 10,
  report: 10,
} as const satisfies Record<Category, number>

export const BUSINESS_KINDS = ['enterprise', 'individual', 'cooperative'] as const
export type BusinessKind = (typeof BUSINESS_KINDS)[number]
