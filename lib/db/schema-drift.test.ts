/**
 * SQLite and PostgreSQL have separate schema files and migration folders (a Prisma provider cannot come from an env
 * var). The app uses one client type for both, so the models must stay identical and every migration must exist for
 * both providers under the same name.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrationsDir, prismaDir } from "./config";

const root = path.resolve(__dirname, "../..");

interface ModelShape {
  fields: string[];
  attributes: string[];
}

/**
 * Models, fields, types and attributes of a schema, without comments, generator/datasource blocks and
 * provider-specific native types (`@db.*`).
 */
export function modelShapes(schema: string): Record<string, ModelShape> {
  const withoutComments = schema.replace(/\/\/.*$/gm, "");
  const models: Record<string, ModelShape> = {};
  for (const match of withoutComments.matchAll(/^\s*(model|enum|view|type)\s+(\w+)\s*\{([^}]*)\}/gm)) {
    const [, blockKind, name, body] = match;
    const fields: string[] = [];
    const attributes: string[] = [];
    for (const rawLine of body.split("\n")) {
      const line = rawLine.replace(/@db\.\w+(\([^)]*\))?/g, "").trim().replace(/\s+/g, " ");
      if (!line) continue;
      if (line.startsWith("@@")) attributes.push(line.replace(/\s*([(),:\[\]])\s*/g, "$1"));
      else {
        const [fieldName, fieldType = "", ...fieldAttributes] = line.split(" ");
        fields.push([fieldName, fieldType, ...fieldAttributes.join(" ").split(/\s+(?=@)/).filter(Boolean).sort()].join(" "));
      }
    }
    models[`${blockKind} ${name}`] = { fields: fields.sort(), attributes: attributes.sort() };
  }
  return models;
}

function readSchema(kind: "sqlite" | "postgresql"): string {
  return readFileSync(path.join(prismaDir(kind, root), "schema.prisma"), "utf8");
}

function migrationNames(kind: "sqlite" | "postgresql"): string[] {
  return readdirSync(migrationsDir(kind, root), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe("SQLite and PostgreSQL schemas", () => {
  it("define the same models, fields, types and attributes", () => {
    const sqlite = modelShapes(readSchema("sqlite"));
    const postgresql = modelShapes(readSchema("postgresql"));
    expect(Object.keys(sqlite).sort()).toEqual([
      "model Media",
      "model Post",
      "model PostCategory",
      "model PostSearchDoc",
      "model PostTag",
      "model Revision",
      "model SignInLimit",
      "model SlugRedirect",
      "model User",
      "model UserSession",
    ]);
    expect(postgresql).toEqual(sqlite);
  });

  it("keep the same migrations, each with its migration.sql", () => {
    const sqlite = migrationNames("sqlite");
    expect(sqlite.length).toBeGreaterThan(0);
    expect(migrationNames("postgresql")).toEqual(sqlite);
    for (const kind of ["sqlite", "postgresql"] as const) {
      for (const name of sqlite) {
        expect(readFileSync(path.join(migrationsDir(kind, root), name, "migration.sql"), "utf8").length).toBeGreaterThan(0);
      }
      expect(readFileSync(path.join(migrationsDir(kind, root), "migration_lock.toml"), "utf8")).toContain(`provider = "${kind}"`);
    }
  });
});

describe("modelShapes (the drift check itself)", () => {
  const base = `
generator client {
  provider = "prisma-client"
  output   = "../generated/sqlite"
}
datasource db {
  provider = "sqlite"
}
/// A post
model Post {
  id    String @id @default(cuid())
  title String // the title
  body  String
  @@index([title])
}`;

  it("ignores comments, generator/datasource blocks, spacing and native types", () => {
    const other = base
      .replace('"sqlite"', '"postgresql"')
      .replace("../generated/sqlite", "../generated/postgresql")
      .replace("/// A post", "")
      .replace("body  String", "body String @db.Text")
      .replace("@@index([title])", "@@index([ title ])");
    expect(modelShapes(other)).toEqual(modelShapes(base));
  });

  it("notices a changed type, a missing field, a changed attribute and a missing model", () => {
    expect(modelShapes(base.replace("body  String", "body  String?"))).not.toEqual(modelShapes(base));
    expect(modelShapes(base.replace("  body  String\n", ""))).not.toEqual(modelShapes(base));
    expect(modelShapes(base.replace("@default(cuid())", "@default(uuid())"))).not.toEqual(modelShapes(base));
    expect(modelShapes(base.replace("@@index([title])", "@@unique([title])"))).not.toEqual(modelShapes(base));
    expect(modelShapes(`${base}\nmodel Extra {\n  id Int @id\n}`)).not.toEqual(modelShapes(base));
  });
});
