"use client";

import { useEffect, useState, type ReactNode } from "react";
import { MAX_SEO_DESCRIPTION_CHARS, MAX_SEO_TITLE_CHARS } from "@/lib/admin/post-extras";
import { previewDate } from "@/lib/admin/post-schema";
import { formatScheduleTime, localFromPublishAt, publishAtFromLocal, scheduleOutcome } from "@/lib/admin/schedule";
import { normalizeSlug } from "@/lib/content/slug";
import { FormField, fieldDescription } from "./form-field";
import { useAdminI18n, useT } from "./i18n";
import type { PostFormValues } from "./post-form-values";
import { inputClass } from "./styles";
import { TermChipsField } from "./term-chips-field";

type Setter = <K extends keyof PostFormValues>(field: K, value: PostFormValues[K]) => void;

function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    // min-w-0: a fieldset is at least as wide as its content by default, which would widen a phone's page.
    <fieldset className="min-w-0 space-y-4 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0 dark:border-slate-800">
      <legend className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {legend}
      </legend>
      {children}
    </fieldset>
  );
}

/** "/posts/云原生周报" — where the post will be read, as the slug will be saved (the server applies the same rule). */
function SlugPreview({ slug }: { slug: string }) {
  const t = useT();
  const normalized = normalizeSlug(slug);
  return (
    <p id="post-slug-preview" data-testid="slug-preview" className="mt-1 break-all text-xs text-slate-600 dark:text-slate-400">
      {t("fields.slugPreview")}
      <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">/posts/{normalized || "…"}</code>
      {normalized ? null : <span> {t("fields.slugFromTitle")}</span>}
    </p>
  );
}

function Counter({ value, max }: { value: string; max: number }) {
  const t = useT();
  const count = [...value.trim()].length;
  return <span className={count > max ? "text-red-700 dark:text-red-300" : undefined}>{t("fields.characters", { count, max })}</span>;
}

/** The clock, ticking every 15 s: the sentence below the publish time turns to "visible now" once that time passes. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * "Publish at", typed and shown in the site's time zone (SITE_TIMEZONE, given by the server), and one sentence saying
 * what saving will do for readers: not publish (a draft), publish at once (also when the date is in the future: the
 * date never hides a post), or at the chosen time — on every page, feed and search, with no further step.
 */
function PublishAtField({ values, set, error, timeZone }: { values: PostFormValues; set: Setter; error: string | undefined; timeZone: string }) {
  const { t, locale } = useAdminI18n();
  const now = useNow();
  const outcome = scheduleOutcome({ draft: values.draft, publishAt: values.publishAt || null }, new Date(now));
  const at = (iso: string) => formatScheduleTime(iso, timeZone, locale);
  const dated = previewDate(values.date);
  const today = localFromPublishAt(new Date(now).toISOString(), timeZone).slice(0, 10);
  const futureDate = dated !== null && localFromPublishAt(dated, timeZone).slice(0, 10) > today;
  const sentence =
    outcome.kind === "scheduled"
      ? t("fields.scheduleAt", { time: at(outcome.at) })
      : outcome.kind === "draft"
        ? values.publishAt && Date.parse(values.publishAt) > now
          ? t("fields.scheduleDraftAt", { time: at(values.publishAt) })
          : t("fields.scheduleDraft")
        : futureDate
          ? t("fields.scheduleNowFutureDate")
          : t("fields.scheduleNow");
  return (
    <FormField id="post-publishAt" label={t("fields.publishAt")} hint={t("fields.publishAtHint", { zone: timeZone })} error={error}>
      <div className="flex items-center gap-2">
        <input
          {...fieldDescription("post-publishAt", true, error)}
          aria-describedby={["post-publishAt-hint", "post-schedule-outcome", error ? "post-publishAt-error" : null].filter(Boolean).join(" ")}
          name="publishAt"
          type="datetime-local"
          step={60}
          value={localFromPublishAt(values.publishAt || null, timeZone)}
          // The browser gives complete text or "": the instant is computed here, in the site's zone, not the browser's.
          onChange={(event) => set("publishAt", publishAtFromLocal(event.target.value, timeZone) ?? "")}
          className={inputClass}
        />
        {values.publishAt ? (
          <button
            type="button"
            onClick={() => set("publishAt", "")}
            className="shrink-0 text-xs text-slate-600 underline hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
          >
            {t("fields.publishAtClear")}
          </button>
        ) : null}
      </div>
      <p id="post-schedule-outcome" data-testid="schedule-outcome" aria-live="polite" className="mt-1 text-sm text-sky-800 dark:text-sky-300">
        {sentence}
      </p>
    </FormField>
  );
}

/**
 * Everything about a post except its title and body, in a panel beside (or, on a phone, below) the writing area:
 * publishing, the address, the byline, tags and categories, the format, the cover and what search engines and social
 * previews show.
 */
export function PostSettingsPanel({
  values,
  set,
  errors,
  isNew,
  terms,
  timeZone,
}: {
  values: PostFormValues;
  set: Setter;
  errors: Record<string, string>;
  isNew: boolean;
  terms: { tags: string[]; categories: string[] };
  /** SITE_TIMEZONE (the browser cannot read it): "publish at" is typed and shown in it. */
  timeZone: string;
}) {
  const t = useT();
  const text = (field: "author" | "source" | "description" | "cover" | "seoTitle" | "seoDescription" | "date", hint: boolean) => ({
    ...fieldDescription(`post-${field}`, hint, errors[field]),
    name: field,
    value: values[field],
    onChange: (event: { target: { value: string } }) => set(field, event.target.value),
    className: inputClass,
  });

  return (
    <div className="space-y-6">
      <Section legend={t("panel.publishing")}>
        <div className="flex items-start gap-2">
          <input
            id="post-draft"
            name="draft"
            type="checkbox"
            checked={values.draft}
            onChange={(event) => set("draft", event.target.checked)}
            aria-describedby="post-draft-hint"
            className="mt-0.5 h-4 w-4 rounded border-slate-300 dark:border-slate-700"
          />
          <div>
            <label htmlFor="post-draft" className="text-sm font-medium">
              {t("fields.draft")}
            </label>
            <p id="post-draft-hint" className="text-xs text-slate-500 dark:text-slate-400">
              {t("fields.draftHint")}
            </p>
          </div>
        </div>
        <FormField id="post-date" label={t("fields.date")} hint={t("fields.dateHint")} error={errors.date}>
          <input {...text("date", true)} required inputMode="numeric" placeholder="YYYY-MM-DD" />
        </FormField>
        <PublishAtField values={values} set={set} error={errors.publishAt} timeZone={timeZone} />
      </Section>

      <Section legend={t("panel.address")}>
        <FormField id="post-slug" label={t("fields.slug")} hint={isNew ? t("fields.slugHintNew") : t("fields.slugHintEdit")} error={errors.slug}>
          <input
            {...fieldDescription("post-slug", true, errors.slug)}
            aria-describedby={["post-slug-preview", "post-slug-hint", errors.slug ? "post-slug-error" : null].filter(Boolean).join(" ")}
            name="slug"
            value={values.slug}
            onChange={(event) => set("slug", event.target.value)}
            autoCapitalize="off"
            spellCheck={false}
            className={inputClass}
          />
          <SlugPreview slug={values.slug} />
        </FormField>
      </Section>

      <Section legend={t("panel.about")}>
        <FormField id="post-author" label={t("fields.author")} error={errors.author}>
          <input {...text("author", false)} />
        </FormField>
        <FormField id="post-source" label={t("fields.source")} hint={t("fields.sourceHint")} error={errors.source}>
          <input {...text("source", true)} type="url" inputMode="url" />
        </FormField>
        <FormField id="post-description" label={t("fields.description")} hint={t("fields.descriptionHint")} error={errors.description}>
          <textarea {...text("description", true)} rows={3} />
        </FormField>
      </Section>

      <Section legend={t("panel.terms")}>
        <TermChipsField name="tags" value={values.tags} known={terms.tags} error={errors.tags} onChange={(value) => set("tags", value)} />
        <TermChipsField
          name="categories"
          value={values.categories}
          known={terms.categories}
          error={errors.categories}
          onChange={(value) => set("categories", value)}
        />
      </Section>

      <Section legend={t("panel.formatting")}>
        <FormField id="post-format" label={t("fields.format")} hint={t("fields.formatHint")} error={errors.format}>
          <select
            {...fieldDescription("post-format", true, errors.format)}
            name="format"
            value={values.format}
            onChange={(event) => set("format", event.target.value === "mdx" ? "mdx" : "md")}
            className={inputClass}
          >
            <option value="md">{t("fields.markdown")}</option>
            <option value="mdx">{t("fields.mdx")}</option>
          </select>
        </FormField>
      </Section>

      <Section legend={t("panel.sharing")}>
        <FormField id="post-cover" label={t("fields.cover")} hint={t("fields.coverHint")} error={errors.cover}>
          <input {...text("cover", true)} inputMode="url" autoCapitalize="off" spellCheck={false} placeholder="https://…" />
        </FormField>
        <FormField
          id="post-seoTitle"
          label={t("fields.seoTitle")}
          hint={
            <>
              {t("fields.seoTitleHint")} <Counter value={values.seoTitle} max={MAX_SEO_TITLE_CHARS} />
            </>
          }
          error={errors.seoTitle}
        >
          <input {...text("seoTitle", true)} />
        </FormField>
        <FormField
          id="post-seoDescription"
          label={t("fields.seoDescription")}
          hint={
            <>
              {t("fields.seoDescriptionHint")} <Counter value={values.seoDescription} max={MAX_SEO_DESCRIPTION_CHARS} />
            </>
          }
          error={errors.seoDescription}
        >
          <textarea {...text("seoDescription", true)} rows={3} />
        </FormField>
      </Section>
    </div>
  );
}
