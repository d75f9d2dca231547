// Business owners, the devices they report from, and how a second device joins the same owner.
import type { BusinessKind } from '../contract.js'
import type { Defaulted, Instant } from './columns.js'

export interface OwnerTable {
  id: string
  created_at: Instant
}

export interface DeviceTable {
  id: string
  owner_id: string
  /** SHA-256 (hex) of the bearer credential; the credential itself is never stored. */
  credential_hash: string
  created_at: Instant
  last_seen_at: Instant | null
  revoked_at: Instant | null
}

/** Contact phones an owner has reported with: where a link code may be sent. */
export interface OwnerPhoneTable {
  owner_id: string
  /** A keyed hash of the normalised phone, so the table holds no phone numbers. */
  phone_hash: string
  created_at: Instant
}

/** One-time codes that move a device to the owner of a contact phone. */
export interface LinkCodeTable {
  id: string
  /** The device asking to be linked. */
  device_id: string
  /** The owner it joins when the code is confirmed. */
  owner_id: string
  phone_hash: string
  code_hash: string
  attempts: Defaulted<number>
  created_at: Instant
  expires_at: Instant
  consumed_at: Instant | null
}

export interface BusinessTable {
  id: string
  owner_id: string
  credit_code: string
  name: string
  kind: BusinessKind
  created_at: Instant
  updated_at: Instant
}

export type OwnerTables = {
  owners: OwnerTable
  devices: DeviceTable
  owner_phones: OwnerPhoneTable
  link_codes: LinkCodeTable
  businesses: BusinessTable
}
