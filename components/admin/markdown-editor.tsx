"use client";

import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { Compartment, EditorSelection, EditorState, Prec } from "@codemirror/state";
import { EditorView, keymap, placeholder as placeholderExtension } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, type Ref } from "react";
import { continueMarkup, FORMAT_SHORTCUTS, formatMarkdown, insertBlock, type FormatCommand, type FormatPlaceholders, type FormatResult } from "./markdown-commands";
import { markdown } from "./markdown-language";

/** What the body field asks of the editor, whichever one is showing (this one or the plain textarea). */
export interface BodyEditorHandle {
  focus(): void;
  /** Selects line `line` (1-based) and scrolls it into view: "Go to line 12" from a preview error. */
  goToLine(line: number): void;
  format(command: FormatCommand): void;
  /** Puts a block (an uploaded image's Markdown) at the cursor as a paragraph of its own. */
  insertBlock(block: string): void;
}

export interface MarkdownEditorProps {
  ref?: Ref<BodyEditorHandle>;
  value: string;
  onChange: (value: string) => void;
  /** The visible <label>'s id: a contenteditable cannot be a label's `for` target, so it names the editor this way. */
  labelledBy: string;
  describedBy?: string;
  invalid: boolean;
  placeholder: string;
  placeholders: FormatPlaceholders;
  /** Ctrl/Cmd+S. */
  onSave: () => void;
}

const highlight = HighlightStyle.define([
  { tag: tags.heading, fontWeight: "700" },
  { tag: tags.strong, fontWeight: "700" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.strikethrough, textDecoration: "line-through" },
  { tag: [tags.link, tags.url], color: "#0284c7" },
  { tag: tags.monospace, fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" },
  { tag: tags.quote, fontStyle: "italic" },
  // The Markdown punctuation (#, *, >, `) recedes so the words stand out, in light and dark alike.
  { tag: [tags.processingInstruction, tags.contentSeparator, tags.meta], color: "#94a3b8" },
]);

const theme = EditorView.theme({
  "&": { color: "inherit", backgroundColor: "transparent", fontSize: "1rem" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { fontFamily: "inherit", lineHeight: "1.8", minHeight: "24rem", overflow: "auto" },
  ".cm-content": { padding: "0.75rem 0", caretColor: "currentColor" },
  ".cm-line": { padding: "0 0.75rem" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "currentColor" },
  ".cm-placeholder": { color: "#94a3b8" },
});

function contentAttributes({ labelledBy, describedBy, invalid }: Pick<MarkdownEditorProps, "labelledBy" | "describedBy" | "invalid">) {
  return EditorView.contentAttributes.of({
    "aria-labelledby": labelledBy,
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(invalid ? { "aria-invalid": "true" } : {}),
    "data-testid": "body-editor",
    autocapitalize: "off",
    spellcheck: "false",
  });
}

/**
 * CodeMirror 6 with Markdown (GFM) highlighting, undo history, the formatting shortcuts and Ctrl/Cmd+S. Loaded only by
 * the admin's body field, in its own chunk (`import()`), so reader pages never carry it. The document is the source of
 * truth while it is mounted; `value` changes from outside (a restored backup, "load theirs") replace it.
 */
export default function MarkdownEditor({ ref, value, onChange, labelledBy, describedBy, invalid, placeholder, placeholders, onSave }: MarkdownEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const emitted = useRef(value);
  const attributes = useRef(new Compartment());
  // The view is created once; these change on every render and are read when CodeMirror calls back.
  const latest = useRef({ onChange, onSave, placeholders });
  useLayoutEffect(() => {
    latest.current = { onChange, onSave, placeholders };
  });

  useEffect(() => {
    if (!host.current) return;
    const run = (command: FormatCommand) => (target: EditorView) => {
      applyCommand(target, command, latest.current.placeholders);
      return true;
    };
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: emitted.current,
        extensions: [
          history(),
          Prec.high(
            keymap.of([
              ...Object.entries(FORMAT_SHORTCUTS).map(([command, key]) => ({ key, run: run(command as FormatCommand), preventDefault: true })),
              {
                key: "Enter",
                run: (target) => {
                  const { from, to } = target.state.selection.main;
                  const result = continueMarkup(target.state.doc.toString(), { from, to });
                  if (!result) return false;
                  dispatchResult(target, result, "input");
                  return true;
                },
              },
              {
                key: "Mod-s",
                preventDefault: true,
                run: () => {
                  latest.current.onSave();
                  return true;
                },
              },
            ]),
          ),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          markdown(),
          syntaxHighlighting(highlight),
          EditorView.lineWrapping,
          placeholderExtension(placeholder),
          theme,
          attributes.current.of(contentAttributes({ labelledBy, describedBy, invalid })),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            const text = update.state.doc.toString();
            emitted.current = text;
            latest.current.onChange(text);
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // Created once per mount: later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one view per mount; recreating it would lose undo history and selection
  }, []);

  useEffect(() => {
    const current = view.current;
    if (!current || value === emitted.current) return;
    emitted.current = value;
    const head = Math.min(current.state.selection.main.head, value.length);
    current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: value }, selection: { anchor: head } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: attributes.current.reconfigure(contentAttributes({ labelledBy, describedBy, invalid })) });
  }, [labelledBy, describedBy, invalid]);

  useImperativeHandle(
    ref,
    () => ({
      focus: () => view.current?.focus(),
      goToLine: (line: number) => {
        const current = view.current;
        if (!current) return;
        const target = current.state.doc.line(Math.max(1, Math.min(line, current.state.doc.lines)));
        current.dispatch({ selection: { anchor: target.from, head: target.to }, scrollIntoView: true });
        current.focus();
      },
      format: (command: FormatCommand) => {
        const current = view.current;
        if (!current) return;
        applyCommand(current, command, latest.current.placeholders);
        current.focus();
      },
      insertBlock: (block: string) => {
        const current = view.current;
        if (!current) return;
        const { from, to } = current.state.selection.main;
        dispatchResult(current, insertBlock(current.state.doc.toString(), { from, to }, block), "input.paste");
        current.focus();
      },
    }),
    [],
  );

  return <div ref={host} className="min-h-96" />;
}

function dispatchResult(view: EditorView, result: FormatResult, userEvent: string): void {
  view.dispatch({
    changes: result.changes,
    selection: EditorSelection.single(result.selection.anchor, result.selection.head),
    scrollIntoView: true,
    userEvent,
  });
}

function applyCommand(view: EditorView, command: FormatCommand, placeholders: FormatPlaceholders): void {
  const { from, to } = view.state.selection.main;
  dispatchResult(view, formatMarkdown(command, view.state.doc.toString(), { from, to }, placeholders), "input.format");
}
