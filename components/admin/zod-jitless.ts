import { z } from "zod";

// zod compiles object schemas with `new Function` when it may, and finds out whether it may by trying once: under the
// admin's Content-Security-Policy (no 'unsafe-eval') that try is a reported violation on every page. Parsing without
// the compiler is what the browser would fall back to anyway. Imported for its effect by the admin's root provider,
// so it runs before any schema parses.
z.config({ jitless: true });
