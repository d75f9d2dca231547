/** The app's IndexedDB database name, apart from db.ts so a raw probe need not load Dexie. */
export const DB_NAME = 'guishang'
