"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server HTML and until React has taken over the page. Buttons that call server actions stay disabled
 * until then: a click before hydration would submit the form natively and lose (or leak into a URL) the editor's text.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
