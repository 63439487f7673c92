/**
 * The import graph keeps its layers: a module imports its own layer or the layers below it, never one above. The order
 * is the README's "How it is built" (and shared/design.md): routes → components → the features and services they call
 * (lib/posts, lib/auth, …) → lib/store → lib/db → lib/content, lib/search, lib/render → configuration and plain helpers.
 * Every file of app/, components/ and lib/ (tests aside) must belong to a layer, so a new folder is placed on purpose.
 *
 * One exception, stated here and in the README: client components import server actions from `app/**\/actions.ts`
 * (Next's way to call the server from the browser); the actions stay beside the routes that own them.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

interface Layer {
  name: string;
  /** Module paths without extension: a folder ("lib/store") or a file ("lib/config", "proxy"). */
  modules: string[];
}

/** Highest first. */
const LAYERS: Layer[] = [
  { name: "routes and entry points", modules: ["app", "proxy", "instrumentation", "instrumentation-node", "next.config"] },
  { name: "components", modules: ["components"] },
  { name: "features", modules: ["lib/admin", "lib/reader", "lib/dev", "lib/feed", "lib/sitemap", "lib/json-ld"] },
  { name: "posts and accounts", modules: ["lib/posts", "lib/auth"] },
  { name: "store", modules: ["lib/store"] },
  { name: "database, cache and terms", modules: ["lib/db", "lib/redis", "lib/cache", "lib/terms"] },
  { name: "content, search, render and errors", modules: ["lib/content", "lib/search", "lib/render", "lib/errors"] },
  {
    name: "configuration and plain helpers",
    modules: ["lib/config", "lib/singleton", "lib/site", "lib/url", "lib/format", "lib/i18n", "lib/security", "lib/theme-script-source", "lib/feed-xml"],
  },
  { name: "generated Prisma client", modules: ["prisma/generated"] },
];

interface Exception {
  from: RegExp;
  to: RegExp;
  why: string;
}

const EXCEPTIONS: Exception[] = [
  {
    from: /^components\//,
    to: /^app\/(.+\/)?actions$/,
    why: "client components call server actions, which live beside the routes that own them",
  },
];

const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const TEST = /\.test\.tsx?$|(^|\/)testing(\/|\.ts$)/;

/** The layer index of a module path (no extension), or undefined when no layer claims it. */
function layerOf(modulePath: string, layers: Layer[] = LAYERS): number | undefined {
  const index = layers.findIndex((layer) => layer.modules.some((module) => modulePath === module || modulePath.startsWith(`${module}/`)));
  return index === -1 ? undefined : index;
}

/** Where an import specifier points inside the repository (no extension), or null for a package. */
function resolveSpecifier(fromFile: string, specifier: string): string | null {
  let target: string;
  if (specifier.startsWith("@/")) target = specifier.slice(2);
  else if (specifier.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  else return null;
  return target.replace(/\.(ts|tsx|mts|mjs|js)$/, "").replace(/\/index$/, "");
}

/** Every import and re-export of one file, static or dynamic (TypeScript's own pre-processor: comments and strings are skipped). */
function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}

/** The imports that run back up, and the files no layer claims, for a map of file → import specifiers. */
function layerViolations(graph: Map<string, string[]>, layers: Layer[] = LAYERS, exceptions: Exception[] = EXCEPTIONS): string[] {
  const problems: string[] = [];
  for (const [file, specifiers] of graph) {
    const fromModule = file.replace(SOURCE, "");
    const from = layerOf(fromModule, layers);
    if (from === undefined) {
      problems.push(`${file}: in no layer (add its folder to LAYERS in tests/architecture/layers.test.ts)`);
      continue;
    }
    for (const specifier of specifiers) {
      const target = resolveSpecifier(file, specifier);
      if (target === null) continue;
      const to = layerOf(target, layers);
      if (to === undefined) {
        problems.push(`${file} imports ${specifier}: outside every layer (tests, scripts and tools are not for the app to import)`);
      } else if (to < from && !exceptions.some((exception) => exception.from.test(file) && exception.to.test(target))) {
        problems.push(`${file} (${layers[from].name}) imports ${specifier} (${layers[to].name}, a layer above)`);
      }
    }
  }
  return problems;
}

const root = path.resolve(__dirname, "../..");

function sourceFiles(): string[] {
  const files: string[] = ["proxy.ts", "instrumentation.ts", "instrumentation-node.ts", "next.config.ts"];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.mts") && !TEST.test(relative)) files.push(relative);
    }
  };
  for (const dir of ["app", "components", "lib"]) walk(dir);
  return files;
}

describe("layers", () => {
  it("no file of app/, components/ or lib/ imports a layer above its own", () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const graph = new Map(files.map((file) => [file, importsOf(fs.readFileSync(path.join(root, file), "utf8"))]));
    expect(layerViolations(graph)).toEqual([]);
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
      "lib/store/database.ts (store) imports @/lib/posts/write (posts and accounts, a layer above)",
      "lib/db/client.ts (database, cache and terms) imports ../store/types (store, a layer above)",
      "lib/newthing/x.ts: in no layer (add its folder to LAYERS in tests/architecture/layers.test.ts)",
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
