/** Which build this page runs: set by vite.config.ts at build time, `dev` elsewhere. */
export const BUILD_ID: string = import.meta.env.VITE_BUILD_ID ?? 'dev'
