import type { TermKind } from "@/lib/store/types";
import { categoryPath, tagPath } from "@/lib/site";

/** Tags and categories behave alike for readers; this names what differs between the two. */
export const termLabels: Record<TermKind, { one: string; all: string }> = {
  tags: { one: "标签", all: "全部标签" },
  categories: { one: "分类", all: "全部分类" },
};

export function termPath(kind: TermKind, name: string): string {
  return kind === "tags" ? tagPath(name) : categoryPath(name);
}

export function termPagePath(kind: TermKind, name: string, page: number): string {
  return page > 1 ? `${termPath(kind, name)}/page/${page}` : termPath(kind, name);
}
