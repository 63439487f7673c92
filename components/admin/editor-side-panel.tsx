"use client";

import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { useT } from "./i18n";

export type SidePanel = "preview" | "settings";

/**
 * Beside the writing area on a wide screen, below it on a phone: the live preview or the post's settings, one at a
 * time (ARIA tabs), and a button that folds the whole panel away for distraction-free writing.
 */
export function EditorSidePanel({
  panel,
  onPanel,
  open,
  onOpen,
  preview,
  settings,
}: {
  panel: SidePanel;
  onPanel: (panel: SidePanel) => void;
  open: boolean;
  onOpen: (open: boolean) => void;
  preview: ReactNode;
  settings: ReactNode;
}) {
  const t = useT();
  const tabs = useRef<HTMLDivElement>(null);
  const names: Record<SidePanel, string> = { preview: t("editor.preview"), settings: t("editor.settings") };
  const order: SidePanel[] = ["preview", "settings"];

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    const next = order[(order.indexOf(panel) + 1) % order.length];
    onPanel(next);
    tabs.current?.querySelector<HTMLButtonElement>(`#tab-${next}`)?.focus();
  }

  const tabClass =
    "-mb-px border-b-2 px-3 py-2 text-sm font-medium border-transparent text-slate-600 hover:text-slate-900 " +
    "aria-selected:border-sky-600 aria-selected:text-sky-700 dark:text-slate-300 dark:hover:text-white dark:aria-selected:text-sky-400";

  return (
    <div className="min-w-0">
      <div className="flex items-center border-b border-slate-200 dark:border-slate-800">
        <div ref={tabs} role="tablist" aria-label={t("editor.thisPost")} onKeyDown={onKeyDown} className="flex" hidden={!open}>
          {order.map((name) => (
            <button
              key={name}
              id={`tab-${name}`}
              type="button"
              role="tab"
              aria-selected={open && panel === name}
              aria-controls={`panel-${name}`}
              tabIndex={panel === name ? 0 : -1}
              onClick={() => onPanel(name)}
              className={tabClass}
            >
              {names[name]}
            </button>
          ))}
        </div>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="panel-preview panel-settings"
          onClick={() => onOpen(!open)}
          className="ml-auto rounded px-2 py-1 text-xs text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800"
        >
          {open ? t("editor.closePanel") : `${t("editor.preview")} / ${t("editor.settings")}`}
        </button>
      </div>
      <div id="panel-preview" role="tabpanel" aria-labelledby="tab-preview" hidden={!open || panel !== "preview"} className="pt-4">
        {preview}
      </div>
      <div id="panel-settings" role="tabpanel" aria-labelledby="tab-settings" hidden={!open || panel !== "settings"} className="pt-4">
        {settings}
      </div>
    </div>
  );
}
