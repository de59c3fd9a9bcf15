import { describe, expect, it } from "vitest";
import { recordFilingInput, saveAppealInput } from "./validation";

const letter = "Dear Jiebei team, please review my limit; I have repaid on time.";

describe("appeal inputs", () => {
  it.each([
    ["a NUL", `${letter}\u0000`],
    ["a lone high surrogate", `${letter}\ud83d`],
    ["a lone low surrogate", `\ude00${letter}`],
  ])("refuses a letter with %s as textInvalid (PostgreSQL could not store it)", (_name, body) => {
    const parsed = saveAppealInput.safeParse({ dropDate: "2025-03-30", language: "en", body });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("textInvalid");
  });

  it("keeps a letter with emoji and Chinese (surrogate pairs are fine)", () => {
    expect(saveAppealInput.safeParse({ dropDate: "2025-03-30", language: "zh", body: `${letter} 您好 😀` }).success).toBe(true);
  });

  it("refuses a NUL in where the letter was filed and in the appeal id", () => {
    const ok = { dropDate: "2025-03-30", appealId: "abc", filedAt: "2025-04-01", filedWith: "Alipay app", outcome: "pending" };
    expect(recordFilingInput.safeParse(ok).success).toBe(true);
    expect(recordFilingInput.safeParse({ ...ok, filedWith: "Ali\u0000pay" }).error?.issues[0]?.message).toBe("textInvalid");
    expect(recordFilingInput.safeParse({ ...ok, appealId: "a\u0000" }).error?.issues[0]?.message).toBe("invalid");
  });
});
