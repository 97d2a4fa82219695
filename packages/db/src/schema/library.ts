// Tables of the library domain. Migrations: packages/db/migrations (see README there for number ranges).
export {};
