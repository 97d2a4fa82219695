// Tables of the runtime domain. Migrations: packages/db/migrations (see README there for number ranges).
export {};
