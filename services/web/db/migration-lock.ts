/**
 * The PostgreSQL advisory lock that web services starting at once against one database take, in a transaction,
 * around everything that creates objects (the schema, the tables, the migration steps): `IF NOT EXISTS` is not
 * safe against a concurrent create (the second fails on a unique index of the catalogue).
 */
export const MIGRATION_LOCK = 74261903;
