export declare const postgresMigrationsDir: string;
export declare function migrate(databaseUrl?: string, options?: { quiet?: boolean }): Promise<void>;
export declare function useWriteAheadLog(databaseUrl?: string): Promise<void>;
