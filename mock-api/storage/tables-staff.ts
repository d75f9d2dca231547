// Staff accounts and sessions, plus the safety tables: attempt counters, idempotency, audit log.
import type { StaffRole } from '../contract.js'
import type { Defaulted, Flag, Instant } from './columns.js'

export interface StaffTable {
  id: string
  username: string
  display_name: string
  /** `scrypt$N$r$p$salt$hash` (see passwords.ts). */
  password_hash: string
  role: StaffRole
  /** A desk's or office's division (city code, or 450000); the unit's division for a unit. */
  division_code: string | null
  unit_id: string | null
  /** A window clerk's service point (its division is the account's division). */
  service_point_id: Defaulted<string | null>
  disabled: Defaulted<Flag>
  created_at: Instant
  updated_at: Instant
}

export interface StaffSessionTable {
  /** SHA-256 (hex) of the cookie's session token. */
  id_hash: string
  staff_id: string
  created_at: Instant
  last_seen_at: Instant
  expires_at: Instant
}

/** Fixed-window counters that must survive a restart, e.g. `signin:desk.region`. */
export interface RateLimitTable {
  key: string
  count: number
  window_started_at: Instant
  blocked_until: Instant | null
}

export interface IdempotencyRecordTable {
  /** Who the key belongs to, e.g. `owner:<id>` or `ticket:<id>:rating`. */
  scope: string
  key: string
  request_hash: string
  status: number
  /** JSON text of the response body. */
  body: string
  created_at: Instant
}

/** Every staff read of personal data, and other actions worth answering for. */
export interface AuditLogTable {
  id: string
  at: Instant
  staff_id: string
  action: string
  ticket_id: string | null
  detail: string | null
}

export type StaffTables = {
  staff: StaffTable
  staff_sessions: StaffSessionTable
  rate_limits: RateLimitTable
  idempotency_records: IdempotencyRecordTable
  audit_log: AuditLogTable
}
