export declare const WEB_DIR: string;
export declare function webBuildIsStale(): boolean;
export declare function ensureWebBuild(options?: { log?: (message: string) => void }): boolean;
