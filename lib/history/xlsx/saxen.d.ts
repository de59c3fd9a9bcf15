// The parts of saxen 11's API the XLSX reader uses (the package ships no types).
declare module "saxen" {
  type Attrs = () => Record<string, string>;
  export class Parser {
    constructor(options?: { proxy?: boolean });
    on(event: "openTag", cb: (name: string, attrs: Attrs, decodeEntities: (s: string) => string, selfClosing: boolean) => void): this;
    on(event: "closeTag", cb: (name: string, decodeEntities: (s: string) => string, selfClosing: boolean) => void): this;
    on(event: "text", cb: (value: string, decodeEntities: (s: string) => string) => void): this;
    on(event: "cdata", cb: (value: string) => void): this;
    on(event: "error" | "warn", cb: (err: Error) => void): this;
    write(xml: string): this;
    end(): Error | null;
    stop(): void;
  }
}
