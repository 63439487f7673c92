import { describe, expect, it, vi } from "vitest";
import type { EditablePost } from "@/lib/admin/types";
import { ConflictError, StoreUnavailableError } from "@/lib/errors";
import { bulkRequestSchema, runBulk, type BulkDeps, type BulkOperation } from "./bulk";

function post(slug: string, status: EditablePost["status"], versionToken = `v-${slug}`, ownerId: string | null = null): EditablePost {
  return {
    input: {} as EditablePost["input"],
    versionToken,
    status,
    source: "database",
    updatedAt: null,
    ownerId,
  };
}

function fakeStore(posts: Record<string, EditablePost>) {
  const written: Array<[BulkOperation, string]> = [];
  const deps: BulkDeps = {
    load: async (slug) => posts[slug] ?? null,
    apply: async (operation, slug, versionToken) => {
      if (posts[slug]?.versionToken !== versionToken) throw new ConflictError(null);
      written.push([operation, slug]);
    },
  };
  return { deps, written };
}

const editor = { id: "e1", role: "editor" as const };

describe("runBulk", () => {
  it("writes each post whose version still matches, and reports the rest one by one", async () => {
    const { deps, written } = fakeStore({ a: post("a", "draft"), b: post("b", "draft", "v-new"), c: post("c", "published") });
    const result = await runBulk(
      {
        operation: "publish",
        items: [
          { slug: "a", versionToken: "v-a" },
          { slug: "b", versionToken: "v-b" },
          { slug: "c", versionToken: "v-c" },
          { slug: "gone", versionToken: "v" },
        ],
      },
      editor,
      deps,
    );
    expect(result.items).toEqual([
      { slug: "a", outcome: "done" },
      { slug: "b", outcome: "conflict" },
      { slug: "c", outcome: "unchanged" },
      { slug: "gone", outcome: "not-found" },
    ]);
    expect(result.done).toBe(1);
    expect(written).toEqual([["publish", "a"]]);
  });

  it("checks the role against each post: an author deletes their own drafts only", async () => {
    const author = { id: "u1", role: "author" as const };
    const { deps, written } = fakeStore({
      mine: post("mine", "draft", "v-mine", "u1"),
      theirs: post("theirs", "draft", "v-theirs", "u2"),
      published: post("published", "published", "v-published", "u1"),
    });
    const result = await runBulk(
      { operation: "delete", items: ["mine", "theirs", "published"].map((slug) => ({ slug, versionToken: `v-${slug}` })) },
      author,
      deps,
    );
    expect(result.items.map((item) => item.outcome)).toEqual(["done", "forbidden", "forbidden"]);
    expect(written).toEqual([["delete", "mine"]]);
  });

  it("stops writing when the store goes away, and says which posts were not attempted", async () => {
    const posts = { a: post("a", "published"), b: post("b", "published"), c: post("c", "published") };
    const apply = vi.fn(async (_operation: BulkOperation, slug: string) => {
      if (slug === "b") throw new StoreUnavailableError("database down");
    });
    const result = await runBulk(
      { operation: "unpublish", items: ["a", "b", "c"].map((slug) => ({ slug, versionToken: `v-${slug}` })) },
      editor,
      { load: async (slug) => posts[slug as keyof typeof posts] ?? null, apply },
    );
    expect(result.items.map((item) => item.outcome)).toEqual(["done", "unavailable", "unavailable"]);
    expect(apply).toHaveBeenCalledTimes(2);
  });
});

describe("bulkRequestSchema", () => {
  const item = (slug: string) => ({ slug, versionToken: "v" });

  it("refuses an empty choice, a post listed twice and more than a page", () => {
    expect(bulkRequestSchema.safeParse({ operation: "delete", items: [] }).success).toBe(false);
    expect(bulkRequestSchema.safeParse({ operation: "delete", items: [item("a"), item("a")] }).success).toBe(false);
    const many = Array.from({ length: 101 }, (_, index) => item(`p${index}`));
    expect(bulkRequestSchema.safeParse({ operation: "delete", items: many }).success).toBe(false);
    expect(bulkRequestSchema.safeParse({ operation: "delete", items: many.slice(0, 100) }).success).toBe(true);
    expect(bulkRequestSchema.safeParse({ operation: "archive", items: [item("a")] }).success).toBe(false);
  });
});
