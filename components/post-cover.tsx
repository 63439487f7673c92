/**
 * A post's cover image. Covers come from anywhere (an editor pastes a URL), so this is a plain <img> rather than
 * next/image, which would need every host configured. Width and height attributes plus a fixed aspect ratio reserve
 * the space before the image arrives (no layout shift); it is decorative next to the title it illustrates.
 */
export function PostCover({ src, eager = false, className = "" }: { src: string; eager?: boolean; className?: string }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={src}
      alt=""
      width={1200}
      height={675}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      fetchPriority={eager ? "high" : undefined}
      referrerPolicy="no-referrer"
      className={`aspect-video w-full rounded-lg bg-slate-100 object-cover dark:bg-slate-800 ${className}`}
    />
  );
}
