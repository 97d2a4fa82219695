// Tables of the insights domain. Migrations: packages/db/migrations (see README there for number ranges).
export {};
