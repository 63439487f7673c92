"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { useT } from "./i18n";
import { chipSuggestions, joinChips, splitChips } from "./term-chips";

/**
 * Tags or categories as chips, with the names already in use offered as they are typed (a combobox: arrow keys move
 * through the suggestions, Enter or a comma adds, Backspace in an empty box removes the last chip). The value stays the
 * form's comma-separated text, so the local backup and the save read it as before; typing or pasting "a, b" works too.
 */
export function TermChipsField({
  name,
  value,
  known,
  error,
  onChange,
}: {
  name: "tags" | "categories";
  value: string;
  known: string[];
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const id = `post-${name}`;
  const listId = `${id}-suggestions`;
  const optionPrefix = useId();
  const label = t(`fields.${name}`);
  const { chips, draft } = splitChips(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = open ? chipSuggestions(draft, chips, known) : [];
  const expanded = suggestions.length > 0;

  function add(term: string) {
    if (term.trim() === "") return;
    onChange(joinChips([...chips, term.trim()]));
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (suggestions.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      // -1 is the text box itself, then each suggestion; the ends wrap around.
      setActive((current) => {
        const next = current + step;
        if (next >= suggestions.length) return -1;
        return next < -1 ? suggestions.length - 1 : next;
      });
    } else if (event.key === "Enter") {
      // Enter adds a term; it never submits the form from here.
      event.preventDefault();
      if (active >= 0 && suggestions[active]) add(suggestions[active]);
      else add(draft);
    } else if (event.key === "Escape" && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (event.key === "Backspace" && draft === "" && chips.length > 0) {
      event.preventDefault();
      onChange(joinChips(chips.slice(0, -1)));
    }
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <div
        className={`mt-1 flex flex-wrap items-center gap-1 rounded-md border bg-white p-1.5 shadow-sm focus-within:border-sky-500 dark:bg-slate-900 ${
          error ? "border-red-500" : "border-slate-300 dark:border-slate-700"
        }`}
      >
        {chips.length > 0 ? (
          <ul className="contents" aria-label={t("fields.chosen", { field: label })}>
            {chips.map((chip) => (
              <li
                key={chip}
                data-testid={`${name}-chip`}
                className="inline-flex items-center gap-1 rounded-full bg-sky-100 py-0.5 pl-2.5 pr-1 text-xs text-sky-900 dark:bg-sky-900/60 dark:text-sky-100"
              >
                {chip}
                <button
                  type="button"
                  aria-label={t("fields.removeTerm", { term: chip })}
                  onClick={() => onChange(joinChips(chips.filter((other) => other !== chip), draft))}
                  className="inline-flex h-4 w-4 items-center justify-center rounded-full hover:bg-sky-200 dark:hover:bg-sky-800"
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          id={id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${optionPrefix}-${active}` : undefined}
          aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(" ")}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          value={draft}
          onChange={(event) => {
            onChange(joinChips(chips, event.target.value));
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
          className="min-w-24 flex-1 bg-transparent px-1 py-0.5 text-sm text-slate-900 outline-none dark:text-slate-100"
        />
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={t("fields.suggestions", { field: label })}
        hidden={!expanded}
        className="mt-1 max-h-48 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-md dark:border-slate-700 dark:bg-slate-900"
      >
        {suggestions.map((suggestion, index) => (
          <li
            key={suggestion}
            id={`${optionPrefix}-${index}`}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: the input's blur would close the list before a click arrives.
            onMouseDown={(event) => {
              event.preventDefault();
              add(suggestion);
            }}
            className="cursor-pointer px-3 py-1 aria-selected:bg-sky-100 hover:bg-slate-100 dark:aria-selected:bg-sky-900 dark:hover:bg-slate-800"
          >
            {suggestion}
          </li>
        ))}
      </ul>
      <p id={hintId} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        {t("fields.termHint")}
      </p>
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <input type="hidden" name={name} value={value} />
    </div>
  );
}
