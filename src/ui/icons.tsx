function Icon({ path }: { path: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="1.5em"
      height="1.5em"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={path} />
    </svg>
  )
}

export const ScanIcon = () => (
  <Icon path="M4 8V5a1 1 0 0 1 1-1h3M16 4h3a1 1 0 0 1 1 1v3M20 16v3a1 1 0 0 1-1 1h-3M8 20H5a1 1 0 0 1-1-1v-3M4 12h16" />
)
export const PencilIcon = () => <Icon path="M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4" />
export const TicketIcon = () => <Icon path="M8 3h8v3H8zM6 4.5H5V21h14V4.5h-1M8 11h8M8 15h5" />
export const DraftIcon = () => <Icon path="M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6" />
export const ChevronIcon = () => <Icon path="M9 6l6 6-6 6" />
export const BackIcon = () => <Icon path="M15 6l-6 6 6 6" />
