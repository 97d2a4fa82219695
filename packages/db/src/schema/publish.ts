// Tables of the publish domain. Migrations: packages/db/migrations (see README there for number ranges).
export {};
