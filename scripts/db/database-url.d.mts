export declare const projectRoot: string;
export declare const defaultSqliteUrl: string;
export declare function isPostgresUrl(url: string | undefined): boolean;
export declare function databaseProvider(url: string | undefined): "postgresql" | "sqlite";
export declare function sqliteUrl(url: string | undefined): string;
