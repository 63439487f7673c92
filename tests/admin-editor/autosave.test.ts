import { describe, expect, it } from "vitest";
import { autosaveDue, type AutosaveFacts } from "@/components/admin/autosave";

const draft: AutosaveFacts = { storedSlug: "hello", status: "draft", dirty: true, conflict: false, busy: false, typedDraft: true, renaming: false };

describe("autosaveDue", () => {
  it("saves a stored draft with unsaved changes", () => {
    expect(autosaveDue(draft)).toBe(true);
  });

  it("never saves a published or scheduled post, which would go live", () => {
    expect(autosaveDue({ ...draft, status: "published" })).toBe(false);
    expect(autosaveDue({ ...draft, status: "scheduled" })).toBe(false);
    expect(autosaveDue({ ...draft, status: "deleted" })).toBe(false);
  });

  it("waits while someone else's newer version is unresolved, so it never overwrites it", () => {
    expect(autosaveDue({ ...draft, conflict: true })).toBe(false);
  });

  it("leaves publishing and renaming to the editor's click", () => {
    expect(autosaveDue({ ...draft, typedDraft: false })).toBe(false);
    expect(autosaveDue({ ...draft, renaming: true })).toBe(false);
  });

  it("has nothing to do for a clean, busy or never-saved post", () => {
    expect(autosaveDue({ ...draft, dirty: false })).toBe(false);
    expect(autosaveDue({ ...draft, busy: true })).toBe(false);
    expect(autosaveDue({ ...draft, storedSlug: null })).toBe(false);
  });
});
