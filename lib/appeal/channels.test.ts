import { describe, expect, it } from "vitest";
import { appealChannel, channelLine } from "./channels";

describe("appealChannel", () => {
  it("sends a Jiebei letter through Alipay's own customer service, in the letter's language", () => {
    expect(channelLine(appealChannel("Jiebei", "zh"))).toBe("支付宝 → 我的 → 我的客服 → 借呗 → 转人工");
    expect(channelLine(appealChannel("Jiebei", "en"))).toBe("Alipay app → Me → My Customer Service → Jiebei → Talk to an agent");
    expect(appealChannel("Jiebei", "zh").phone).toBe("95188");
  });

  it("falls back to the lender's own customer service for another product", () => {
    const c = appealChannel("Some other line", "en");
    expect(c.phone).toBeNull();
    expect(c.how).toContain("review of your limit");
    expect(appealChannel("Some other line", "zh").how).not.toMatch(/[A-Za-z]/);
  });
});
