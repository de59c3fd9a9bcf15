import { describe, expect, test } from "vitest";
import { readScreenshot, type ReadLine } from "./read";

const L = (...texts: string[]): ReadLine[] => texts.map((text) => ({ text, confidence: 0.98 }));
const values = (lines: ReadLine[], dates = {}) => {
  const r = readScreenshot(lines, dates);
  return { product: r.product, obs: r.observations.map((o) => [o.type, o.value, o.date ?? null]), reason: r.reasonCode ?? null };
};

// Line lists as the engine read them from rendered mock pages (status bar first, top to bottom).
describe("readScreenshot", () => {
  test.each([
    [
      "借呗 with available and total",
      L("9:41 5G 87%", "借呗", "可借额度(元)", "21,500.00", "总额度 30,000.00", "日利率 0.04%", "额度更新于2026年09月03日", "去借钱", "最近还款日 每月10日"),
      { product: "Jiebei", obs: [["available", 21500, "2026-09-03"], ["limit", 30000, "2026-09-03"]], reason: null },
    ],
    [
      "花呗, full-width brackets, dots for commas",
      L("9:41 5G 87%", "花呗", "本月应还（元）", "1,286.40", "可用额度 6.713.60", "当前额度：8.000.00", "2026.10.18", "立即还款"),
      { product: "Huabei", obs: [["available", 6713.6, "2026-10-18"], ["limit", 8000, "2026-10-18"]], reason: null },
    ],
    [
      "京东金条 in 万",
      L("9:41 5G87%", "京东金条", "可借额度(元)", "3.5万", "总额度3.5万", "更新于2026-11-28"),
      { product: "Jintiao", obs: [["available", 35000, "2026-11-28"], ["limit", 35000, "2026-11-28"]], reason: null },
    ],
    [
      "微粒贷 最高可借 is the limit",
      L("10:02", "微粒贷", "最高可借(元)", "50 000.00", "日利率0.05% 按日计息"),
      { product: "Weilidai", obs: [["limit", 50000, null]], reason: null },
    ],
    [
      "借呗 withdrawn",
      L("9:41", "借呗", "可借额度(元)", "暂无额度", "综合评估暂时无法为您提供服务", "2026.10.18"),
      { product: "Jiebei", obs: [["limit", 0, "2026-10-18"]], reason: null },
    ],
    [
      "借呗 closed",
      L("借呗", "额度已关闭"),
      { product: "Jiebei", obs: [["limit", 0, null]], reason: null },
    ],
    [
      "借呗 总额度 0.00",
      L("借呗", "总额度 0.00"),
      { product: "Jiebei", obs: [["limit", 0, null]], reason: null },
    ],
    [
      "芝麻分 with its date",
      L("9:41 5G 87%", "芝麻信用", "芝麻分", "712", "信用极好", "评估时间 2026.10.18", "信用记录 查看"),
      { product: "Sesame", obs: [["score", 712, "2026-10-18"]], reason: null },
    ],
    [
      "芝麻分 on the label's line",
      L("芝麻分 698", "较上月+3"),
      { product: "Sesame", obs: [["score", 698, null]], reason: null },
    ],
    [
      "余额宝 refused",
      L("9:41 5G 87%", "余额宝", "总金额(元)", "12,345.67", "昨日收益 +0.87", "七日年化 1.35%", "转入"),
      { product: null, obs: [], reason: "savings" },
    ],
    ["a chat refused", L("10:21", "张三", "你好，上次借的钱什么时候还？", "下周五发工资就还你"), { product: null, obs: [], reason: "not_credit" }],
    ["a photo (no text) refused", L(), { product: null, obs: [], reason: "no_text" }],
    ["借呗 without numbers", L("借呗", "去借钱", "还款"), { product: "Jiebei", obs: [], reason: "no_values" }],
  ])("%s", (_name, lines, expected) => {
    expect(values(lines)).toEqual(expected);
  });

  test("a due date is not the page's date; the clock never is", () => {
    const r = readScreenshot(L("23:59", "借呗", "总额度 20,000", "最近还款日 2026-12-10"), { file: "2026-11-02" });
    expect(r.date).toBe("2026-11-02");
    expect(r.dateSource).toBe("file");
  });

  test("a printed date wins over EXIF, EXIF over the file's date", () => {
    expect(readScreenshot(L("借呗", "总额度 20,000", "2026年09月03日"), { exif: "2026-09-10", file: "2026-09-12" }).dateSource).toBe("printed");
    const exif = readScreenshot(L("借呗", "总额度 20,000"), { exif: "2026-09-10", file: "2026-09-12" });
    expect([exif.date, exif.dateSource]).toEqual(["2026-09-10", "exif"]);
  });

  test("the product is the one named first (a banner lower down does not count)", () => {
    expect(readScreenshot(L("花呗", "当前额度 8,000", "借呗 最高可借20万 去看看")).product).toBe("Huabei");
  });

  test("a value is never taken across another label", () => {
    const r = readScreenshot(L("借呗", "可借额度(元)", "本月应还", "1,286.40"));
    expect(r.observations).toEqual([]);
  });

  test("confidence is the lowest of the label's and the value's lines", () => {
    const r = readScreenshot([
      { text: "借呗", confidence: 0.99 },
      { text: "总额度", confidence: 0.97 },
      { text: "30,000.00", confidence: 0.81 },
    ]);
    expect(r.observations[0]).toMatchObject({ type: "limit", value: 30000, confidence: 0.81, from: [1, 2] });
  });

  test("a score outside 350–950 is not a 芝麻分", () => {
    expect(readScreenshot(L("芝麻信用", "芝麻分", "120")).observations).toEqual([]);
  });
});
