/** A real SMTP server for the e-mail tests (smtp-server), keeping every message it accepted, parsed by mailparser. */
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type TestSmtp = { url: string; messages: ParsedMail[]; refuseNext: (n: number) => void; close: () => Promise<void> };

export async function startSmtp(port: number): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  let refuse = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refuse > 0) {
          refuse--;
          // A temporary failure, as a busy or greylisting server answers.
          const err = Object.assign(new Error("Try again later"), { responseCode: 451 });
          return callback(err);
        }
        simpleParser(Buffer.concat(chunks)).then((m) => {
          messages.push(m);
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuseNext: (n) => void (refuse = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
