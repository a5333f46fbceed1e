export declare const postgresMigrationsDir: string;
export declare function migrate(databaseUrl?: string, options?: { quiet?: boolean }): Promise<void>;
