/**
 * Which words in a bill name the history's own product (history-v1 `borrower.product`): its rows
 * carry no `lender`; every other credit line's rows carry theirs.
 */
const PRODUCT_WORDS: Record<string, string[]> = {
  jiebei: ["借呗"],
  huabei: ["花呗"],
  weilidai: ["微粒贷"],
  baitiao: ["白条"],
  jintiao: ["金条"],
};

export function mainProductWords(product: string): string[] {
  return PRODUCT_WORDS[product.trim().toLowerCase()] ?? [product.trim()].filter(Boolean);
}

/** True when the product is this one (case-insensitive), e.g. isProduct("weilidai", "Weilidai"). */
export function isProduct(product: string, name: string): boolean {
  return product.trim().toLowerCase() === name.toLowerCase();
}

/** A bank named in a cell, e.g. "招商银行信用卡还款" → "招商银行". */
export function bankIn(text: string): string | null {
  const m = /([\u4e00-\u9fa5]{2,8}?银行)/.exec(text);
  return m ? m[1]! : null;
}
