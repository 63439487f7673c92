"use client";

import { useLayoutEffect, useSyncExternalStore } from "react";

type Theme = "light" | "dark";

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

function currentTheme(): Theme {
  return document.documentElement.classList.contains("dark") ? "dark" : "light";
}

/** The theme the inline script chose: the stored choice, else the system's. */
function preferredTheme(): Theme {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem("theme");
  } catch {
    // Private mode: fall back to the system.
  }
  if (stored === "dark" || stored === "light") return stored;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** The only client component on reader pages besides search-as-you-type on /search. */
export function ThemeToggle() {
  const theme = useSyncExternalStore<Theme | null>(subscribe, currentTheme, () => null);
  // React's development remount resets <html> to the attributes it renders, dropping the class the inline script set;
  // put it back before paint. In production the class is already right and this changes nothing.
  useLayoutEffect(() => {
    const root = document.documentElement;
    const wanted = preferredTheme();
    if (!root.classList.contains(wanted)) {
      root.classList.toggle("dark", wanted === "dark");
      root.classList.toggle("light", wanted === "light");
    }
  }, []);
  const next: Theme = theme === "dark" ? "light" : "dark";
  const label = next === "dark" ? "切换到深色模式" : "切换到浅色模式";

  return (
    <button
      type="button"
      aria-label={theme === null ? "切换深浅色模式" : label}
      title={theme === null ? "切换深浅色模式" : label}
      className="rounded-md p-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
      onClick={() => {
        const root = document.documentElement;
        root.classList.toggle("dark", next === "dark");
        root.classList.toggle("light", next === "light");
        try {
          localStorage.setItem("theme", next);
        } catch {
          // Private mode: the choice lasts for this page only.
        }
      }}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2">
        <path className="dark:hidden" d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
        <g className="hidden dark:inline">
          <circle cx="12" cy="12" r="4" />
          <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
        </g>
      </svg>
    </button>
  );
}
