/**
 * The Alipay bill's columns (spec: shared/spec/alipay-bill.md), by what they mean. Recognising the
 * export and reading its rows is importers/alipay.ts.
 */

/** Header names of the columns the importer reads, keyed by what they mean. */
export const ALIPAY_COLUMNS = {
  time: "交易时间",
  category: "交易分类",
  counterparty: "交易对方",
  description: "商品说明",
  direction: "收/支",
  amount: "金额",
  status: "交易状态",
  orderNo: "交易订单号",
} as const;
export type AlipayColumn = keyof typeof ALIPAY_COLUMNS;

export const ALIPAY_CREDIT_CATEGORY = "信用借还";
export const ALIPAY_SUCCESS = "交易成功";
