// The one source of "now" on the server: the system clock in production, a fixed or offset clock
// in tests and demos (routes/test-clock.ts). A leaf module, so every layer may take a Clock.
export type Clock = { now(): Date }

export const systemClock: Clock = { now: () => new Date() }
