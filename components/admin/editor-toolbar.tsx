"use client";

import { useRef, useSyncExternalStore, type KeyboardEvent, type ReactNode } from "react";
import { FORMAT_COMMANDS, type FormatCommand } from "./markdown-commands";
import { useT } from "./i18n";

/** How each shortcut reads on this machine: ⌘ on Apple keyboards, Ctrl elsewhere. */
function shortcutLabel(shortcut: string, apple: boolean): string {
  return shortcut
    .split("-")
    .map((part) => (part === "Mod" ? (apple ? "⌘" : "Ctrl") : part === "Alt" ? (apple ? "⌥" : "Alt") : part.toUpperCase()))
    .join(apple ? "" : "+");
}

/** The aria-keyshortcuts form of a CodeMirror key name ("Mod-b" → "Control+B Meta+B"). */
function ariaShortcut(shortcut: string): string {
  const key = shortcut.split("-").pop()!.toUpperCase();
  const modifiers = shortcut.split("-").slice(0, -1).filter((part) => part !== "Mod");
  return ["Control", "Meta"].map((mod) => [mod, ...modifiers, key].join("+")).join(" ");
}

// Drawn, not emoji: a system without an emoji font would show empty boxes.
const svg = (path: string) => (
  <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
    <path d={path} />
  </svg>
);

const icons: Record<FormatCommand, ReactNode> = {
  bold: <span className="font-bold">B</span>,
  italic: <span className="font-serif italic">I</span>,
  heading: <span className="font-bold">H</span>,
  link: svg("M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1"),
  quote: <span className="font-serif text-lg leading-none">”</span>,
  code: <span className="font-mono text-xs">{"</>"}</span>,
  list: svg("M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01"),
};

// The platform never changes while the page is open: nothing to subscribe to. The server's answer (and hydration's) is
// "not Apple", so the first render matches the HTML and the browser's own answer follows.
const noSubscription = () => () => {};
const isApplePlatform = () => /Mac|iPhone|iPad/.test(navigator.platform);
const notApplePlatform = () => false;

/**
 * The formatting buttons above the body. A toolbar is one Tab stop whose buttons the arrow keys move between (the ARIA
 * toolbar pattern). Buttons keep the editor's focus and selection when clicked, so the format applies to what was
 * selected. `extra` takes later tools (the image button of issue 12 item 3) after the formatting ones.
 */
export function EditorToolbar({
  shortcuts,
  onCommand,
  disabled,
  extra,
  end,
}: {
  shortcuts: Record<FormatCommand, string>;
  onCommand: (command: FormatCommand) => void;
  disabled: boolean;
  extra?: ReactNode;
  end?: ReactNode;
}) {
  const t = useT();
  const bar = useRef<HTMLDivElement>(null);
  // Known only in the browser: read after hydration so the server's HTML and the first render agree.
  const apple = useSyncExternalStore(noSubscription, isApplePlatform, notApplePlatform);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
    const buttons = [...(bar.current?.querySelectorAll<HTMLButtonElement>("button[data-tool]") ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index === -1) return;
    event.preventDefault();
    const next =
      event.key === "Home" ? 0 : event.key === "End" ? buttons.length - 1 : (index + (event.key === "ArrowRight" ? 1 : -1) + buttons.length) % buttons.length;
    buttons.forEach((button, i) => (button.tabIndex = i === next ? 0 : -1));
    buttons[next].focus();
  }

  return (
    <div
      ref={bar}
      role="toolbar"
      aria-label={t("toolbar.label")}
      onKeyDown={onKeyDown}
      className="flex flex-wrap items-center gap-1 border-b border-slate-200 px-2 py-1 dark:border-slate-800"
    >
      {FORMAT_COMMANDS.map((command, index) => {
        const label = t(`toolbar.${command}`);
        return (
          <button
            key={command}
            type="button"
            data-tool={command}
            tabIndex={index === 0 ? 0 : -1}
            disabled={disabled}
            aria-label={label}
            aria-keyshortcuts={ariaShortcut(shortcuts[command])}
            title={`${label} (${shortcutLabel(shortcuts[command], apple)})`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onCommand(command)}
            className="inline-flex h-8 min-w-8 items-center justify-center rounded px-1.5 text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-50 dark:text-slate-200 dark:hover:bg-slate-800"
          >
            {icons[command]}
          </button>
        );
      })}
      {extra}
      {end ? <div className="ml-auto flex items-center gap-2">{end}</div> : null}
    </div>
  );
}
