// The few parts of autocannon 9's API the load bench uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";
  export type Options = { url: string; connections?: number; duration?: number; headers?: Record<string, string>; timeout?: number };
  export type Result = {
    requests: { average: number; total: number };
    latency: { p50: number; p97_5: number; p99: number; average: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    throughput: { average: number };
  };
  export type Instance = EventEmitter & PromiseLike<Result> & { stop: () => void };
  export default function autocannon(options: Options): Instance;
}
