/**
 * The no-flash theme script (run before first paint: a stored choice wins, otherwise the system's). A plain module, not
 * the client component that renders it, so the Content-Security-Policy can allow exactly this text by its hash.
 */
export const themeScript = `(function(){try{var t=localStorage.getItem("theme");var d=t==="dark"||(t!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);var c=document.documentElement.classList;c.toggle("dark",d);c.toggle("light",!d);}catch(e){}})();`;
