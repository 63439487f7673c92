import type { MetadataRoute } from "next";
import { getCategories, getPublishedPosts, getTags } from "@/lib/posts";
import { absoluteUrl, categoryPath, postPath, tagPath } from "@/lib/site";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [posts, tags, categories] = await Promise.all([getPublishedPosts(), getTags(), getCategories()]);
  const newest = posts[0] ? new Date(posts[0].updatedAt ?? posts[0].date) : undefined;
  return [
    { url: absoluteUrl("/"), lastModified: newest, changeFrequency: "weekly", priority: 1 },
    { url: absoluteUrl("/tags"), lastModified: newest },
    { url: absoluteUrl("/categories"), lastModified: newest },
    ...posts.map((post) => ({
      url: absoluteUrl(postPath(post.slug)),
      lastModified: new Date(post.updatedAt ?? post.date),
      changeFrequency: "monthly" as const,
      priority: 0.8,
    })),
    ...tags.map((t) => ({ url: absoluteUrl(tagPath(t.name)), lastModified: newest })),
    ...categories.map((c) => ({ url: absoluteUrl(categoryPath(c.name)), lastModified: newest })),
  ];
}
