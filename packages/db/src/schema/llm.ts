// Tables of the llm domain. Migrations: packages/db/migrations (see README there for number ranges).
export {};
