import { describe, expect, it } from "vitest";
import { emptyPostFields, POST_FIELD_NAMES, postFields, REQUIRED_FIELDS, type PostField } from "./fields";

describe("empty field values", () => {
  it("every field but the required ones has an empty value its own schema accepts", () => {
    const withoutEmpty = POST_FIELD_NAMES.filter((name) => (postFields[name] as PostField<unknown>).empty === undefined);
    expect(withoutEmpty.sort()).toEqual([...REQUIRED_FIELDS].sort());
    const empty = emptyPostFields();
    for (const [name, value] of Object.entries(empty)) {
      expect((postFields[name as keyof typeof postFields] as PostField<unknown>).schema.safeParse(value).success, name).toBe(true);
    }
    expect(Object.keys(empty).sort()).toEqual(POST_FIELD_NAMES.filter((name) => !(REQUIRED_FIELDS as readonly string[]).includes(name)).sort());
  });

  it("hands out fresh arrays, so one post's tags never become another's", () => {
    const first = emptyPostFields();
    first.tags.push("k8s");
    expect(emptyPostFields().tags).toEqual([]);
  });
});
