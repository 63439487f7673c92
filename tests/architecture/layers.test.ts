/**
 * The import graph keeps its layers (scripts/import-layers.ts holds them, from the README's "How it is built"); a
 * fixture map shows the check fails on what it must refuse. `npm run layers` prints the layers and what each imports.
 */
import { describe, expect, it } from "vitest";
import { importGraph, importsOf, layerViolations, sourceFiles } from "../../scripts/import-layers";

describe("layers", () => {
  it("no file of app/, components/ or lib/ imports a layer above its own", () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(layerViolations(importGraph(files))).toEqual([]);
  });

  it("reports an import that runs back up, a file in no layer and an import of test code", () => {
    const graph = new Map([
      ["lib/store/database.ts", ["@/lib/posts/write", "@/lib/db/client", "./types", "@prisma/client"]],
      ["lib/db/client.ts", ["../store/types", "../errors"]],
      ["lib/content/fields.ts", ["zod"]],
      ["lib/newthing/x.ts", []],
      ["components/post-meta.tsx", ["@/tests/support/corpus", "@/app/admin/actions", "@/app/(site)/_lib/home"]],
    ]);
    expect(layerViolations(graph)).toEqual([
      "lib/store/database.ts (store) imports @/lib/posts/write (posts, accounts and media, a layer above)",
      "lib/db/client.ts (database, cache and terms) imports ../store/types (store, a layer above)",
      "lib/newthing/x.ts: in no layer (add its folder to LAYERS in scripts/import-layers.ts)",
      "components/post-meta.tsx imports @/tests/support/corpus: outside every layer (tests, scripts and tools are not for the app to import)",
      "components/post-meta.tsx (components) imports @/app/(site)/_lib/home (routes and entry points, a layer above)",
    ]);
  });

  it("reads static, type-only, re-exported and dynamic imports, and skips commented ones", () => {
    const source = [
      'import type { Post } from "@/lib/content/types";',
      'import {\n  a,\n  b,\n} from "./a";',
      'export { c } from "../c";',
      'const d = await import("@/lib/d");',
      '// import { e } from "@/lib/e";',
      'const url = "from \\"@/lib/f\\"";',
    ].join("\n");
    expect(importsOf(source)).toEqual(["@/lib/content/types", "./a", "../c", "@/lib/d"]);
  });
});
