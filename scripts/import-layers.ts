/**
 * The layers of the import graph, and a reader for it: `npm run layers` prints each layer, its modules and what each
 * imports; tests/architecture/layers.test.ts fails when an import runs back up. A module imports its own layer or the
 * layers below it, never one above. The order is the README's "How it is built" (and shared/design.md): routes →
 * components → the features and services they call (lib/posts, lib/auth, …) → lib/store → lib/db → lib/content,
 * lib/search, lib/render → configuration and plain helpers.
 * Every file of app/, components/ and lib/ (tests aside) must belong to a layer, so a new folder is placed on purpose.
 *
 * One exception, stated here and in the README: client components import server actions from `app/**\/*actions.ts`
 * (Next's way to call the server from the browser); the actions stay beside the routes that own them.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

interface Layer {
  name: string;
  /** Module paths without extension: a folder ("lib/store") or a file ("lib/config", "proxy"). */
  modules: string[];
}

/** Highest first. */
export const LAYERS: Layer[] = [
  { name: "routes and entry points", modules: ["app", "proxy", "instrumentation", "instrumentation-node", "next.config"] },
  { name: "components", modules: ["components"] },
  { name: "features", modules: ["lib/admin", "lib/reader", "lib/dev", "lib/feed", "lib/sitemap", "lib/json-ld"] },
  { name: "posts, accounts and media", modules: ["lib/posts", "lib/auth", "lib/media"] },
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

export const EXCEPTIONS: Exception[] = [
  {
    from: /^components\//,
    to: /^app\/(.+\/)?([a-z]+-)*actions$/,
    why: "client components call server actions, which live beside the routes that own them",
  },
];

const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const TEST = /\.test\.tsx?$|(^|\/)testing(\/|\.ts$)/;

/** The layer index of a module path (no extension), or undefined when no layer claims it. */
export function layerOf(modulePath: string, layers: Layer[] = LAYERS): number | undefined {
  const index = layers.findIndex((layer) => layer.modules.some((module) => modulePath === module || modulePath.startsWith(`${module}/`)));
  return index === -1 ? undefined : index;
}

/** Where an import specifier points inside the repository (no extension), or null for a package. */
export function resolveSpecifier(fromFile: string, specifier: string): string | null {
  let target: string;
  if (specifier.startsWith("@/")) target = specifier.slice(2);
  else if (specifier.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  else return null;
  return target.replace(/\.(ts|tsx|mts|mjs|js)$/, "").replace(/\/index$/, "");
}

/** Every import and re-export of one file, static or dynamic (TypeScript's own pre-processor: comments and strings are skipped). */
export function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}

/** The imports that run back up, and the files no layer claims, for a map of file → import specifiers. */
export function layerViolations(graph: Map<string, string[]>, layers: Layer[] = LAYERS, exceptions: Exception[] = EXCEPTIONS): string[] {
  const problems: string[] = [];
  for (const [file, specifiers] of graph) {
    const fromModule = file.replace(SOURCE, "");
    const from = layerOf(fromModule, layers);
    if (from === undefined) {
      problems.push(`${file}: in no layer (add its folder to LAYERS in scripts/import-layers.ts)`);
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

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The files the layers cover: app/, components/, lib/ and the entry points at the root; no tests or test helpers. */
export function sourceFiles(): string[] {
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

/** The import graph of the tree: file → import specifiers. */
export function importGraph(files: string[] = sourceFiles()): Map<string, string[]> {
  return new Map(files.map((file) => [file, importsOf(fs.readFileSync(path.join(root, file), "utf8"))]));
}

function moduleOf(target: string): string {
  const layer = layerOf(target);
  const owner = layer === undefined ? undefined : LAYERS[layer].modules.find((module) => target === module || target.startsWith(`${module}/`));
  return owner ?? target;
}

/** Each layer, highest first, with its modules and the modules each imports (its own layer's in brackets). */
export function describeLayers(graph: Map<string, string[]>): string {
  const uses = new Map<string, Set<string>>();
  for (const [file, specifiers] of graph) {
    const from = moduleOf(file.replace(SOURCE, ""));
    for (const specifier of specifiers) {
      const target = resolveSpecifier(file, specifier);
      if (target === null) continue;
      const to = moduleOf(target);
      if (to === from) continue;
      const set = uses.get(from) ?? new Set<string>();
      set.add(to);
      uses.set(from, set);
    }
  }
  const lines: string[] = [];
  LAYERS.forEach((layer, index) => {
    lines.push(`${index + 1}. ${layer.name}`);
    for (const name of layer.modules) {
      const targets = [...(uses.get(name) ?? [])].sort((a, b) => (layerOf(a) ?? 99) - (layerOf(b) ?? 99) || a.localeCompare(b));
      // Upward edges that remain are the stated exceptions (anything else is listed as a problem below).
      const shown = targets.map((target) => {
        const layer = layerOf(target) ?? LAYERS.length;
        return layer === index ? `[${target}]` : layer < index ? `${target} ↑ (${EXCEPTIONS.map((exception) => exception.why).join("; ")})` : target;
      });
      lines.push(`   ${name}${shown.length ? ` → ${shown.join(", ")}` : ""}`);
    }
  });
  const problems = layerViolations(graph);
  lines.push(problems.length ? `\n${problems.length} import(s) against the layers:\n${problems.join("\n")}` : "\nNo import runs back up.");
  return lines.join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const graph = importGraph();
  console.log(describeLayers(graph));
  if (layerViolations(graph).length) process.exitCode = 1;
}
