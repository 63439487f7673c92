"use client";

import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, useSyncExternalStore, type ComponentType, type KeyboardEvent, type ReactNode, type Ref, type SyntheticEvent } from "react";
import { fieldDescription } from "./form-field";
import { useT } from "./i18n";
import { applyFormat, continueMarkup, FORMAT_SHORTCUTS, formatMarkdown, insertBlock, type FormatCommand, type FormatPlaceholders, type FormatResult } from "./markdown-commands";
import type { BodyEditorHandle, MarkdownEditorProps } from "./markdown-editor";
import { EditorToolbar } from "./editor-toolbar";
import { IMAGE_ACCEPT, imageFiles, useImageUpload } from "./use-image-upload";
import { WordCount } from "./word-count";

const PLAIN_TEXT_KEY = "digest:editor-plain-text";

/** The textarea's shortcut for a key event, by the same names CodeMirror's keymap uses. */
function shortcutCommand(event: KeyboardEvent<HTMLTextAreaElement>): FormatCommand | null {
  if (!(event.ctrlKey || event.metaKey) || event.shiftKey) return null;
  const name = `Mod-${event.altKey ? "Alt-" : ""}${event.key.toLowerCase()}`;
  const found = Object.entries(FORMAT_SHORTCUTS).find(([, key]) => key === name);
  return found ? (found[0] as FormatCommand) : null;
}

// The preference as an external store: the server and hydration render the default editor, the browser then reads
// localStorage (and follows other tabs through `storage` events). Without storage the choice lasts for this page only.
const plainListeners = new Set<() => void>();
let plainInMemory: boolean | null = null;

function subscribePlain(listener: () => void): () => void {
  plainListeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    plainListeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function readPlain(): boolean {
  if (plainInMemory !== null) return plainInMemory;
  try {
    return window.localStorage.getItem(PLAIN_TEXT_KEY) === "1";
  } catch {
    return false;
  }
}

function usePlainTextPreference(): [boolean, (value: boolean) => void] {
  const plain = useSyncExternalStore(subscribePlain, readPlain, () => false);
  const choose = useCallback((value: boolean) => {
    try {
      if (value) window.localStorage.setItem(PLAIN_TEXT_KEY, "1");
      else window.localStorage.removeItem(PLAIN_TEXT_KEY);
      plainInMemory = null;
    } catch {
      plainInMemory = value;
    }
    for (const listener of plainListeners) listener();
  }, []);
  return [plain, choose];
}

/**
 * The body: a visible <label> "正文/Body", the formatting toolbar, the word count, and the editor itself. The server
 * renders a plain <textarea> (it works before any script and while CodeMirror loads); once the browser has loaded
 * CodeMirror in its own chunk it takes the textarea's place, named by the same label through aria-labelledby, so
 * `getByLabel("正文")` finds whichever is showing and Playwright's `fill()` works on both. An editor whose input
 * method or screen reader has trouble with CodeMirror can keep the textarea ("plain text editing", remembered in this
 * browser). A hidden input carries the text under the field's name, as the form will save it.
 */
export function BodyField({
  ref,
  value,
  onChange,
  onSave,
  error,
  disabled,
  toolbarExtra,
}: {
  ref?: Ref<BodyEditorHandle>;
  value: string;
  onChange: (value: string) => void;
  onSave: () => void;
  error: string | undefined;
  disabled: boolean;
  toolbarExtra?: ReactNode;
}) {
  const t = useT();
  const [plain, setPlain] = usePlainTextPreference();
  const [Editor, setEditor] = useState<ComponentType<MarkdownEditorProps> | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const editor = useRef<BodyEditorHandle>(null);
  const pendingSelection = useRef<{ anchor: number; head: number } | null>(null);
  const richEditor = !plain && Editor !== null;

  useEffect(() => {
    if (plain || Editor) return;
    let live = true;
    void import("./markdown-editor").then((module) => {
      if (live) setEditor(() => module.default);
    });
    return () => {
      live = false;
    };
  }, [plain, Editor]);

  const placeholders: FormatPlaceholders = {
    bold: t("toolbar.boldText"),
    italic: t("toolbar.italicText"),
    link: t("toolbar.linkText"),
    code: t("toolbar.codeText"),
    heading: t("toolbar.headingText"),
  };

  // The textarea's selection after a format, once React has put the new text in.
  useLayoutEffect(() => {
    const selection = pendingSelection.current;
    if (!selection || !textarea.current) return;
    pendingSelection.current = null;
    textarea.current.setSelectionRange(Math.min(selection.anchor, selection.head), Math.max(selection.anchor, selection.head));
  });

  function applyToTextarea(result: FormatResult) {
    const element = textarea.current;
    if (!element) return;
    pendingSelection.current = result.selection;
    onChange(applyFormat(element.value, result));
    element.focus();
  }

  function formatTextarea(command: FormatCommand) {
    const element = textarea.current;
    if (!element) return;
    applyToTextarea(formatMarkdown(command, element.value, { from: element.selectionStart, to: element.selectionEnd }, placeholders));
  }

  function insertIntoTextarea(block: string) {
    const element = textarea.current;
    if (!element) return;
    applyToTextarea(insertBlock(element.value, { from: element.selectionStart, to: element.selectionEnd }, block));
  }

  const insertImage = (block: string) => (richEditor ? editor.current?.insertBlock(block) : insertIntoTextarea(block));
  const images = useImageUpload(insertImage);
  const picker = useRef<HTMLInputElement>(null);
  /** Images among what was pasted or dropped are uploaded instead of reaching the editor; anything else goes on. */
  function takeImages(event: SyntheticEvent, list: FileList | undefined) {
    const files = imageFiles(list);
    if (files.length === 0 || disabled) return;
    event.preventDefault();
    event.stopPropagation();
    void images.upload(files);
  }

  useImperativeHandle(ref, () => ({
    focus: () => (richEditor ? editor.current?.focus() : textarea.current?.focus()),
    goToLine: (line: number) => {
      if (richEditor) return editor.current?.goToLine(line);
      const element = textarea.current;
      if (!element) return;
      const lines = element.value.split("\n");
      const start = lines.slice(0, Math.max(0, line - 1)).reduce((offset, text) => offset + text.length + 1, 0);
      element.focus();
      element.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
      const lineHeight = Number.parseFloat(getComputedStyle(element).lineHeight) || 24;
      element.scrollTop = Math.max(0, (line - 3) * lineHeight);
    },
    format: (command: FormatCommand) => (richEditor ? editor.current?.format(command) : formatTextarea(command)),
    insertBlock: insertImage,
  }));

  const describedBy = error ? "post-body-error" : undefined;
  return (
    <div>
      <div className="mb-1 flex flex-wrap items-baseline justify-between gap-2">
        <label
          id="post-body-label"
          htmlFor={richEditor ? undefined : "post-body"}
          onClick={() => richEditor && editor.current?.focus()}
          className="block text-sm font-medium text-slate-800 dark:text-slate-200"
        >
          {t("fields.body")}
        </label>
        <WordCount body={value} />
      </div>
      <div
        // Capture: an image pasted or dropped is uploaded before CodeMirror (or the textarea) sees the event; text
        // goes on to the editor as ever.
        onPasteCapture={(event) => takeImages(event, event.clipboardData?.files)}
        onDropCapture={(event) => takeImages(event, event.dataTransfer?.files)}
        className={`rounded-md border bg-white shadow-sm focus-within:border-sky-500 dark:bg-slate-900 ${
          error ? "border-red-500" : "border-slate-300 dark:border-slate-700"
        }`}
      >
        <EditorToolbar
          shortcuts={FORMAT_SHORTCUTS}
          disabled={disabled}
          onCommand={(command) => (richEditor ? editor.current?.format(command) : formatTextarea(command))}
          extra={
            <>
              <button
                type="button"
                disabled={disabled || images.uploading}
                onClick={() => picker.current?.click()}
                className="rounded px-2 py-1 text-xs text-slate-700 hover:bg-slate-100 disabled:opacity-50 dark:text-slate-200 dark:hover:bg-slate-800"
              >
                {images.uploading ? t("media.uploading") : t("media.insert")}
              </button>
              <input
                ref={picker}
                type="file"
                accept={IMAGE_ACCEPT}
                multiple
                hidden
                aria-label={t("media.pick")}
                onChange={(event) => {
                  const files = imageFiles(event.target.files);
                  event.target.value = "";
                  if (files.length > 0) void images.upload(files);
                }}
              />
              {toolbarExtra}
            </>
          }
        />
        {richEditor ? (
          <Editor
            ref={editor}
            value={value}
            onChange={onChange}
            labelledBy="post-body-label"
            describedBy={describedBy}
            invalid={Boolean(error)}
            placeholder={t("editor.bodyPlaceholder")}
            placeholders={placeholders}
            onSave={onSave}
          />
        ) : (
          <textarea
            {...fieldDescription("post-body", false, error)}
            ref={textarea}
            rows={20}
            spellCheck={false}
            value={value}
            placeholder={t("editor.bodyPlaceholder")}
            onChange={(event) => onChange(event.target.value)}
            onKeyDown={(event) => {
              if (event.nativeEvent.isComposing) return;
              if (event.key === "Enter" && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
                const element = event.currentTarget;
                const result = continueMarkup(element.value, { from: element.selectionStart, to: element.selectionEnd });
                if (result) {
                  event.preventDefault();
                  applyToTextarea(result);
                }
                return;
              }
              const command = shortcutCommand(event);
              if (!command) return;
              event.preventDefault();
              formatTextarea(command);
            }}
            className="block min-h-96 w-full resize-y rounded-b-md bg-transparent px-3 py-3 text-base leading-[1.8] text-slate-900 outline-none dark:text-slate-100"
          />
        )}
      </div>
      {images.error ? (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
          {t("media.failed", { message: images.error })}
        </p>
      ) : null}
      {error ? (
        <p id="post-body-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <label className="mt-2 inline-flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400" title={t("editor.plainTextHint")}>
        <input type="checkbox" checked={plain} onChange={(event) => setPlain(event.target.checked)} className="h-3.5 w-3.5" />
        {t("editor.plainText")}
      </label>
      <input type="hidden" name="body" value={value} data-testid="body-value" />
    </div>
  );
}
