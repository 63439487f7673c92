"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { clearBackup, readBackup, writeBackup, type PostBackup } from "./draft-backup";
import { samePostFormValues, type PostFormValues } from "./post-form-values";

const WRITE_DELAY_MS = 800;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Keeps the editor's unsaved text in localStorage while it differs from what is stored, and finds a backup left by an
 * earlier visit (a crash, a closed tab) so the form can offer it. The offer is read after mounting: the server cannot
 * see localStorage, and rendering it during hydration would not match.
 */
export function useDraftBackup({
  slug,
  values,
  savedValues,
  versionToken,
}: {
  /** The slug the post was loaded under; null for a new post. */
  slug: string | null;
  values: PostFormValues;
  savedValues: PostFormValues;
  versionToken: string | null;
}): { offer: PostBackup | null; dismissOffer: () => void; discardBackup: () => void; flush: () => void } {
  const [offer, setOffer] = useState<PostBackup | null>(null);
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    const store = storage();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration; reading it is this effect's job
    if (!store) return setChecked(true);
    const found = readBackup(store, slug);
    if (found && samePostFormValues(found.values, savedValues)) clearBackup(store, slug);
    else if (found) setOffer(found);
    setChecked(true);
    // Only the backup present when the editor opened the post is offered; later ones are this visit's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- savedValues changes with every save, which must not re-offer
  }, [slug]);

  const dirty = !samePostFormValues(values, savedValues);
  const latest = useRef({ dirty, values, versionToken });
  useLayoutEffect(() => {
    latest.current = { dirty, values, versionToken };
  });

  useEffect(() => {
    // Until the editor has answered the offer, writing would replace the backup being offered.
    if (!checked || offer) return;
    const store = storage();
    if (!store) return;
    if (!dirty) {
      clearBackup(store, slug);
      return;
    }
    const timer = window.setTimeout(() => writeBackup(store, slug, { values, baseVersionToken: versionToken }), WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [checked, offer, dirty, slug, values, versionToken]);

  const dismissOffer = useCallback(() => setOffer(null), []);
  const discardBackup = useCallback(() => {
    const store = storage();
    if (store) clearBackup(store, slug);
    setOffer(null);
  }, [slug]);

  /**
   * Writes the text now instead of after the typing pause: called just before leaving for the sign-in page. Unlike the
   * pause it does not wait for an open offer to be answered; what was typed last is what must survive.
   */
  const flush = useCallback(() => {
    const store = storage();
    const { dirty: unsaved, values: text, versionToken: token } = latest.current;
    if (store && unsaved) writeBackup(store, slug, { values: text, baseVersionToken: token });
  }, [slug]);

  return { offer, dismissOffer, discardBackup, flush };
}
