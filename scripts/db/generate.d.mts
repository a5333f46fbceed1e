export declare const sqliteSchemaPath: string;
export declare const postgresSchemaPath: string;
export declare function postgresSchemaFrom(sqliteSchema: string): string;
export declare function writePostgresSchema(): void;
