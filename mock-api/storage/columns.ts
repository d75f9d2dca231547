// The column types every table module shares, apart from database.ts so the tables-*.ts modules
// can use them without importing the schema that imports them.
import type { ColumnType, Generated } from 'kysely'

/** 0 or 1: how every boolean is stored. */
export type Flag = 0 | 1
/** An instant as ISO-8601 UTC text. */
export type Instant = string
/** A column with a database default: optional on insert. */
export type Defaulted<T> = ColumnType<T, T | undefined, T>
export type { Generated }
