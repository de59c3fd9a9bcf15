export declare const COMPILE_HINT: string;
export declare function hintRootChunks(build: { projectDir?: string; distDir: string }): Promise<string[]>;
