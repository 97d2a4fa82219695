// Tables of the content domain. Migrations: packages/db/migrations (see README there for number ranges).
export {};
