// The environment as the configuration readers see it (config.ts, notification-config.ts): its
// own module so neither reader imports the other back.
export type Env = Readonly<Record<string, string | undefined>>
