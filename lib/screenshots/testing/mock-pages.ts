/**
 * Mock phone pages of the apps borrowers screenshot (借呗, 花呗, 微粒贷, 京东金条, 芝麻分, and
 * 余额宝 or a chat that must be refused), as HTML for Chromium to render into test fixtures.
 * Made up from the public look of those pages: no real person's screenshot is ever used.
 */
export type MockKind = "jiebei" | "huabei" | "weilidai" | "jintiao" | "sesame" | "yuebao" | "chat";

export type MockPage = {
  kind: MockKind;
  theme?: "light" | "dark";
  /** Shown as printed, e.g. "30,000.00" or "3.5万". */
  limit?: string;
  available?: string;
  score?: number;
  /** A printed date line, e.g. "额度更新于2026年09月03日"; absent means no date on the page. */
  dateLine?: string;
  /** The limit was withdrawn: the page says so instead of showing numbers. */
  withdrawn?: "暂无额度" | "额度已关闭";
  /** The status bar's clock, never a date. */
  clock?: string;
};

const TITLES: Record<MockKind, string> = {
  jiebei: "借呗",
  huabei: "花呗",
  weilidai: "微粒贷",
  jintiao: "京东金条",
  sesame: "芝麻信用",
  yuebao: "余额宝",
  chat: "张三",
};

const ACCENT: Record<MockKind, string> = {
  jiebei: "#1677ff",
  huabei: "#1677ff",
  weilidai: "#07c160",
  jintiao: "#e4393c",
  sesame: "#00b38a",
  yuebao: "#ff6a00",
  chat: "#07c160",
};

export function mockPageHtml(page: MockPage): string {
  const dark = page.theme === "dark";
  const fg = dark ? "#f2f2f2" : "#1a1a1a";
  const bg = dark ? "#121212" : "#f5f6f8";
  const card = dark ? "#1e1e1e" : "#ffffff";
  const muted = dark ? "#a0a0a0" : "#666666";
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<style>
  * { box-sizing: border-box; margin: 0; }
  body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", sans-serif; background: ${bg}; color: ${fg}; }
  .status { display: flex; justify-content: space-between; padding: 8px 20px; font-size: 14px; }
  .title { text-align: center; font-size: 18px; font-weight: 600; padding: 10px 0 14px; }
  .card { background: ${card}; margin: 12px; border-radius: 12px; padding: 22px 20px; }
  .label { color: ${muted}; font-size: 15px; }
  .big { font-size: 40px; font-weight: 700; margin: 10px 0 14px; letter-spacing: 1px; }
  .row { display: flex; justify-content: space-between; font-size: 15px; margin-top: 10px; }
  .btn { background: ${ACCENT[page.kind]}; color: #fff; border-radius: 22px; text-align: center; padding: 11px; margin: 18px 12px; font-size: 16px; }
  .muted { color: ${muted}; font-size: 13px; }
  .bubble { background: ${card}; border-radius: 8px; padding: 10px 12px; margin: 10px 14px; max-width: 70%; font-size: 15px; }
  .me { background: #95ec69; color: #111; margin-left: auto; }
</style></head><body>
<div class="status"><span>${page.clock ?? "9:41"}</span><span>5G 87%</span></div>
<div class="title">${TITLES[page.kind]}</div>
${body(page)}
</body></html>`;
}

function body(p: MockPage): string {
  const date = p.dateLine ? `<div class="muted" style="margin-top:12px">${p.dateLine}</div>` : "";
  switch (p.kind) {
    case "jiebei":
    case "jintiao":
      if (p.withdrawn) return `<div class="card"><div class="label">可借额度(元)</div><div class="big">${p.withdrawn}</div><div class="muted">综合评估暂时无法为您提供服务</div>${date}</div>`;
      return `<div class="card"><div class="label">可借额度(元)</div><div class="big">${p.available ?? p.limit}</div>
<div class="row"><span>总额度</span><span>${p.limit}</span></div>
<div class="row"><span>日利率</span><span>0.04%</span></div>${date}</div>
<div class="btn">去借钱</div><div class="card"><div class="row"><span>最近还款日</span><span>每月10日</span></div></div>`;
    case "huabei":
      return `<div class="card"><div class="label">本月应还(元)</div><div class="big">1,286.40</div>
<div class="row"><span>可用额度</span><span>${p.available ?? p.limit}</span></div>
<div class="row"><span>当前额度</span><span>${p.limit}</span></div>${date}</div><div class="btn">立即还款</div>`;
    case "weilidai":
      return `<div class="card"><div class="label">最高可借(元)</div><div class="big">${p.limit}</div>
<div class="muted">日利率0.05% 按日计息</div>${date}</div><div class="btn">借钱</div>`;
    case "sesame":
      return `<div class="card" style="text-align:center"><div class="label">芝麻分</div><div class="big" style="font-size:56px">${p.score}</div>
<div>信用极好</div>${date ? date : ""}</div><div class="card"><div class="row"><span>信用记录</span><span>查看</span></div></div>`;
    case "yuebao":
      return `<div class="card"><div class="label">总金额(元)</div><div class="big">12,345.67</div>
<div class="row"><span>昨日收益</span><span>+0.87</span></div><div class="row"><span>七日年化</span><span>1.35%</span></div>${date}</div><div class="btn">转入</div>`;
    case "chat":
      return `<div class="bubble">你好，上次借的钱什么时候还？</div><div class="bubble me">下周五发工资就还你</div><div class="bubble">好的，不着急</div>`;
  }
}
