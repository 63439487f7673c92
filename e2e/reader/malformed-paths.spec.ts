import { expect, test } from "@playwright/test";

// Next decodes route parameters itself and answered 500 for these; every route kind must refuse them as bad input.
const malformed = ["%E0%A4%A", "%FF", "%"];
const routes = (escape: string) => [
  `/posts/${escape}`,
  `/tags/${escape}`,
  `/categories/${escape}`,
  `/tags/${escape}/page/2`,
  `/categories/${escape}/page/2`,
  `/admin/posts/${escape}/edit`,
  `/admin/posts/${escape}/revisions`,
];

test("malformed percent-escapes answer 400, never 500", async ({ request }) => {
  for (const escape of malformed) {
    for (const path of routes(escape)) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(400);
    }
  }
});

test("well-formed Chinese escapes still reach their pages", async ({ request }) => {
  // Not refused as malformed: the tag route itself answers (whatever it makes of an unused tag), never 400 or 500.
  const response = await request.get(`/tags/${encodeURIComponent("不存在的标签")}`);
  expect(response.status()).not.toBe(400);
  expect(response.status()).toBeLessThan(500);
});
