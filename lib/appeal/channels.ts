/**
 * Where an appeal letter is sent, per product, in the letter's language (a borrower writing in
 * English may be reading an English app). For Jiebei a review is asked for in the Alipay app's own
 * customer service, where a person (转人工) can take a pasted letter; the hotline is the fallback.
 */
import type { LetterLanguage } from "./templates";

export interface AppealChannel {
  /** The taps inside the app, in order. */
  path: string[];
  phone: string | null;
  /** What to say once there. */
  how: string;
}

const CHANNELS: Record<string, Record<LetterLanguage, AppealChannel>> = {
  Jiebei: {
    zh: {
      path: ["支付宝", "我的", "我的客服", "借呗", "转人工"],
      phone: "95188",
      how: "接通人工客服后，说明您要申请复核借呗额度，再把这封信粘贴发送。客服通常会在几个工作日内答复。",
    },
    en: {
      path: ["Alipay app", "Me", "My Customer Service", "Jiebei", "Talk to an agent"],
      phone: "95188",
      how: "Once an agent joins, say that you are asking for a review of your Jiebei limit and paste this letter. An answer usually comes within a few working days.",
    },
  },
};

const GENERIC: Record<LetterLanguage, AppealChannel> = {
  zh: { path: ["放贷机构的应用", "客服", "转人工"], phone: null, how: "接通人工客服后，说明您要申请复核额度，再把这封信粘贴发送。" },
  en: { path: ["The lender's app", "Customer service", "Talk to an agent"], phone: null, how: "Once an agent joins, say that you are asking for a review of your limit and paste this letter." },
};

/** The channel for a product (history-v1 `borrower.product`), or the lender's own customer service. */
export function appealChannel(product: string, language: LetterLanguage): AppealChannel {
  return CHANNELS[product]?.[language] ?? GENERIC[language];
}

/** The path as one line, as the borrower would note it in the filing record. */
export function channelLine(channel: AppealChannel): string {
  return channel.path.join(" → ");
}
