-- DropIndex
DROP INDEX "PostCategory_key_idx";

-- DropIndex
DROP INDEX "PostTag_key_idx";

-- CreateTable
CREATE TABLE "PostSearchDoc" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "postId" TEXT NOT NULL,
    CONSTRAINT "PostSearchDoc_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Post" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "author" TEXT,
    "source" TEXT,
    "description" TEXT,
    "excerpt" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "format" TEXT NOT NULL DEFAULT 'mdx',
    "draft" BOOLEAN NOT NULL DEFAULT false,
    "publishAt" DATETIME,
    "cover" TEXT,
    "seoTitle" TEXT,
    "seoDescription" TEXT,
    "readingMinutes" INTEGER NOT NULL DEFAULT 1,
    "extra" TEXT NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "updatedBy" TEXT,
    "filePath" TEXT,
    "fileHash" TEXT,
    "fileVersion" INTEGER,
    "fileMtimeMs" REAL,
    "fileSize" INTEGER
);
INSERT INTO "new_Post" ("author", "body", "createdAt", "date", "deletedAt", "description", "draft", "extra", "format", "id", "slug", "source", "title", "updatedAt", "updatedBy", "version") SELECT "author", "body", "createdAt", "date", "deletedAt", "description", "draft", "extra", "format", "id", "slug", "source", "title", "updatedAt", "updatedBy", "version" FROM "Post";
DROP TABLE "Post";
ALTER TABLE "new_Post" RENAME TO "Post";
CREATE UNIQUE INDEX "Post_slug_key" ON "Post"("slug");
CREATE INDEX "Post_date_slug_idx" ON "Post"("date" DESC, "slug");
CREATE INDEX "Post_publishAt_idx" ON "Post"("publishAt");
CREATE INDEX "Post_filePath_idx" ON "Post"("filePath");
CREATE TABLE "new_Revision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "editorEmail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fileHash" TEXT,
    "resolvedAt" DATETIME,
    CONSTRAINT "Revision_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Revision" ("action", "createdAt", "editorEmail", "id", "postId", "snapshot", "version") SELECT "action", "createdAt", "editorEmail", "id", "postId", "snapshot", "version" FROM "Revision";
DROP TABLE "Revision";
ALTER TABLE "new_Revision" RENAME TO "Revision";
CREATE INDEX "Revision_postId_createdAt_idx" ON "Revision"("postId", "createdAt");
CREATE INDEX "Revision_postId_action_idx" ON "Revision"("postId", "action");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "PostSearchDoc_postId_key" ON "PostSearchDoc"("postId");

-- CreateIndex
CREATE UNIQUE INDEX "Revision_postId_fileHash_key" ON "Revision"("postId", "fileHash");

-- CreateIndex
CREATE INDEX "PostCategory_key_postId_idx" ON "PostCategory"("key", "postId");

-- CreateIndex
CREATE INDEX "PostTag_key_postId_idx" ON "PostTag"("key", "postId");

-- Search index (raw SQL: Prisma does not model virtual tables; scripts/prisma-migration.mjs leaves these alone).
-- Contentless FTS5 over pre-tokenised text (lib/search/tokenize.ts: CJK bigrams + words, space-separated), one row per
-- PostSearchDoc.id. Columns in ranking order; bm25() weights them at query time.
CREATE VIRTUAL TABLE "PostSearchFts" USING fts5(
    title, tags, categories, description, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3'
);
CREATE VIRTUAL TABLE "PostSearchTerms" USING fts5vocab("PostSearchFts", 'row');
CREATE TRIGGER "PostSearchDoc_delete_fts" AFTER DELETE ON "PostSearchDoc" BEGIN
    DELETE FROM "PostSearchFts" WHERE rowid = old."id";
END;
