/**
 * The messages between the app and the thread that hosts its embedded PGlite (host.ts). Prisma's
 * own driver-adapter calls cross as they are (queries and result sets are plain data), plus the
 * bulk writes' raw session (lib/db/pg-sessions.ts) and LISTEN for the change feed.
 */
import type { IsolationLevel, SqlQuery } from "@prisma/driver-adapter-utils";

/** PGlite's LISTEN as the change feed uses it: `onNotify` gets each payload; resolves to the UNLISTEN. */
export type EmbeddedListen = { listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> };

export type Request =
  | { op: "connect" }
  | { op: "queryRaw" | "executeRaw"; tx?: number; query: SqlQuery }
  | { op: "executeScript"; script: string }
  | { op: "startTransaction"; isolationLevel?: IsolationLevel }
  | { op: "commit" | "rollback"; tx: number }
  | { op: "bulk.open"; probe: string }
  | { op: "bulk.query"; sql: string; params?: unknown[] }
  | { op: "bulk.copy"; copy: number; table: string; columns: string }
  | { op: "listen"; channel: string }
  | { op: "unlisten"; listener: number }
  | { op: "close" };

/** Sent without an answer: a COPY's next chunk, its end, or its abort by the source. */
export type CopyFeed = { copy: number; chunk?: Uint8Array; end?: true; abort?: string };

export type WireError = { driver?: object; name: string; message: string; stack?: string; code?: string };

export type Reply = { id: number; value?: unknown; error?: WireError };
export type Notification = { listener: number; payload: string };

export type HostMessage = { reply: Reply } | { notify: Notification };
export type AppMessage = { id: number; request: Request } | { feed: CopyFeed };
