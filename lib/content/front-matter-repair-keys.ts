/**
 * Chinese front-matter keys that hand-written posts use, and the Digest field each one means (simplified and
 * traditional spellings). A Chinese key not listed here (译者, 审校, …) stays an extra field under its own name, as
 * any unknown key does.
 */
export const CHINESE_FRONT_MATTER_KEYS: Readonly<Record<string, string>> = {
  标题: "title",
  標題: "title",
  题目: "title",
  作者: "author",
  日期: "date",
  发布时间: "date",
  發布時間: "date",
  發佈時間: "date",
  发布日期: "date",
  發布日期: "date",
  原文链接: "source",
  原文鏈接: "source",
  原文連結: "source",
  原文地址: "source",
  原文: "source",
  来源: "source",
  來源: "source",
  标签: "tags",
  標籤: "tags",
  分类: "categories",
  分類: "categories",
  描述: "description",
  摘要: "description",
};
