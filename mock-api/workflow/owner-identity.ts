// Who an owner request speaks for, as plugins/owner-auth.ts establishes it from the device
// credential; here so use cases can take it without importing the HTTP edge.
export type OwnerIdentity = { ownerId: string; deviceId: string }
