import { describe, expect, it } from "vitest";
import { ACTIONS, can, type Action, type PostFacts } from "@/lib/auth/permissions";
import { ROLES, type Role } from "@/lib/auth/types";

const me = "user-me";
const actor = (role: Role) => ({ id: me, role });

type Case = "any" | "own draft" | "own published" | "own deleted" | "other's draft" | "other's published" | "ownerless";
const posts: Record<Exclude<Case, "any">, PostFacts> = {
  "own draft": { ownerId: me, status: "draft" },
  "own published": { ownerId: me, status: "published" },
  "own deleted": { ownerId: me, status: "deleted" },
  "other's draft": { ownerId: "user-other", status: "draft" },
  "other's published": { ownerId: "user-other", status: "published" },
  ownerless: { ownerId: null, status: "draft" },
};
const cases = ["any", ...Object.keys(posts)] as Case[];

/**
 * The whole rule book, spelled out: for each role and action, the cases in which it is allowed. "any" is the
 * question asked without a post (may this role ever do it). Every combination not listed must be refused.
 */
const allowed: Record<Role, Partial<Record<Action, Case[]>>> = {
  author: {
    "admin.enter": cases,
    "post.preview": cases,
    "sessions.end-own": cases,
    // Creating never concerns an existing post.
    "post.create": cases,
    "post.view": ["any", "own draft", "own published", "own deleted"],
    "post.edit": ["any", "own draft"],
    "post.revert": ["any", "own draft"],
    "post.delete": ["any", "own draft"],
  },
  editor: Object.fromEntries(ACTIONS.filter((action) => action !== "users.manage").map((action) => [action, cases])),
  admin: Object.fromEntries(ACTIONS.map((action) => [action, cases])),
};

describe("can(editor, action, post)", () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      for (const which of cases) {
        const expected = allowed[role][action]?.includes(which) ?? false;
        it(`${role} ${expected ? "may" : "may not"} ${action} (${which})`, () => {
          expect(can(actor(role), action, which === "any" ? undefined : posts[which])).toBe(expected);
        });
      }
    }
  }

  it("never treats a post without an owner as anyone's own, even for an actor whose id is empty", () => {
    expect(can({ id: "", role: "author" }, "post.edit", { ownerId: null, status: "draft" })).toBe(false);
  });

  it("refuses an author publishing even their own draft, and only admins manage users", () => {
    expect(can(actor("author"), "post.publish", posts["own draft"])).toBe(false);
    expect(can(actor("editor"), "users.manage")).toBe(false);
    expect(can(actor("admin"), "users.manage")).toBe(true);
  });
});
