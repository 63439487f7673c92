-- DropIndex
DROP INDEX "Post_date_idx";

-- DropIndex
DROP INDEX "PostCategory_key_idx";

-- DropIndex
DROP INDEX "PostTag_key_idx";

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "cover" TEXT,
ADD COLUMN     "excerpt" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "fileHash" TEXT,
ADD COLUMN     "fileMtimeMs" DOUBLE PRECISION,
ADD COLUMN     "filePath" TEXT,
ADD COLUMN     "fileSize" INTEGER,
ADD COLUMN     "fileVersion" INTEGER,
ADD COLUMN     "publishAt" TIMESTAMP(3),
ADD COLUMN     "readingMinutes" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "seoDescription" TEXT,
ADD COLUMN     "seoTitle" TEXT;

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "fileHash" TEXT,
ADD COLUMN     "published" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "resolvedAt" TIMESTAMP(3),
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "PostSearchDoc" (
    "id" SERIAL NOT NULL,
    "postId" TEXT NOT NULL,

    CONSTRAINT "PostSearchDoc_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PostSearchDoc_postId_key" ON "PostSearchDoc"("postId");

-- CreateIndex
CREATE UNIQUE INDEX "Revision_postId_fileHash_key" ON "Revision"("postId", "fileHash");

-- CreateIndex
CREATE INDEX "Post_date_slug_idx" ON "Post"("date" DESC, "slug");

-- CreateIndex
CREATE INDEX "Post_publishAt_idx" ON "Post"("publishAt");

-- CreateIndex
CREATE INDEX "Post_filePath_idx" ON "Post"("filePath");

-- CreateIndex
CREATE INDEX "PostCategory_key_postId_idx" ON "PostCategory"("key", "postId");

-- CreateIndex
CREATE INDEX "PostTag_key_postId_idx" ON "PostTag"("key", "postId");

-- CreateIndex
CREATE INDEX "Revision_postId_action_idx" ON "Revision"("postId", "action");

-- AddForeignKey
ALTER TABLE "PostSearchDoc" ADD CONSTRAINT "PostSearchDoc_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Search index (raw SQL: Prisma does not model tsvector; scripts/prisma-migration.mjs leaves these alone).
-- The same pre-tokenised text as SQLite's FTS5 (lib/search/tokenize.ts), weighted A title, B tags, C categories and
-- description, D body, under a GIN index. `head` is the same with only the opening of the body: ranking reads it, so
-- ranking thousands of matches never has to detoast every long body's vector.
CREATE TABLE "PostSearchVector" (
    "id" INTEGER NOT NULL PRIMARY KEY REFERENCES "PostSearchDoc"("id") ON DELETE CASCADE,
    "vector" tsvector NOT NULL,
    "head" tsvector NOT NULL
);
CREATE INDEX "PostSearchVector_vector_idx" ON "PostSearchVector" USING GIN ("vector");
