/**
 * Runs before first paint so the page never flashes the wrong theme: a stored choice wins, otherwise the system's.
 * It is a fixed string of our own; nothing from posts or users goes into it.
 */
const script = `(function(){try{var t=localStorage.getItem("theme");var d=t==="dark"||(t!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);var c=document.documentElement.classList;c.toggle("dark",d);c.toggle("light",!d);}catch(e){}})();`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
