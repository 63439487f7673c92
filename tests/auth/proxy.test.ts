import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

describe("proxy (convenience redirect only)", () => {
  it("sends a visitor without a session cookie to the sign-in page, remembering the path", () => {
    const response = proxy(new NextRequest("http://localhost:3000/admin/posts/new?x=1"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(
      "http://localhost:3000/admin/login?callbackUrl=%2Fadmin%2Fposts%2Fnew%3Fx%3D1",
    );
  });

  it("answers 400 for malformed escapes and passes well-formed reader paths through without asking for a session", () => {
    expect(proxy(new NextRequest("http://localhost:3000/posts/%FF")).status).toBe(400);
    const chinese = proxy(new NextRequest("http://localhost:3000/posts/%E4%BA%91%E5%8E%9F%E7%94%9F"));
    expect(chinese.status).toBe(200);
    expect(chinese.headers.get("location")).toBeNull();
  });

  it("lets the sign-in page itself through", () => {
    const response = proxy(new NextRequest("http://localhost:3000/admin/login?callbackUrl=%2Fadmin"));
    expect(response.headers.get("location")).toBeNull();
  });

  it("passes requests with a session cookie on, telling the layout the path", () => {
    for (const cookie of ["authjs.session-token=abc", "__Secure-authjs.session-token=abc", "authjs.session-token.0=a"]) {
      const response = proxy(new NextRequest("http://localhost:3000/admin?tag=ai", { headers: { cookie } }));
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.get("x-middleware-request-x-digest-path")).toBe("/admin?tag=ai");
    }
  });

  // Next's own matcher (the one the server runs), asked about real URLs rather than the config's literal restated.
  const runsProxy = (url: string) => unstable_doesMiddlewareMatch({ config, url });

  it("runs for the admin area", () => {
    for (const url of ["/admin", "/admin/posts/new", "/admin/posts/k8s-weekly/edit?x=1", "/admin/login"]) expect(runsProxy(url), url).toBe(true);
  });

  it("runs for reader paths only when their query selects a cached page or a % needs checking", () => {
    for (const url of ["/?tag=ai", "/?category=cloud-native", "/?page=2", "/search?q=k8s", "/search?q=k8s&page=2", "/posts/%FF", "/tags/%E4%BA%91"]) {
      expect(runsProxy(url), url).toBe(true);
    }
    // A well-formed post, tag or category path, and a plain list, never run the proxy (a cache hit would pay for it).
    for (const url of ["/", "/?utm_source=x", "/search", "/posts/k8s-weekly", "/tags/ai", "/categories/cloud-native", "/feed.xml", "/sitemap.xml", "/about-admin"]) {
      expect(runsProxy(url), url).toBe(false);
    }
  });
});
