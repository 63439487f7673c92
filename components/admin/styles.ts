/** Class names shared by the admin's controls, so every button and input looks and focuses the same way. */
export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm " +
  "focus:border-sky-500 aria-invalid:border-red-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

const buttonBase =
  "inline-flex items-center justify-center rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-60";

export const primaryButtonClass = `${buttonBase} bg-sky-600 text-white hover:bg-sky-700`;

export const secondaryButtonClass =
  `${buttonBase} border border-slate-300 text-slate-700 hover:bg-slate-100 ` +
  "dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800";

export const dangerButtonClass =
  `${buttonBase} border border-red-300 text-red-700 hover:bg-red-50 ` +
  "dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950";

export const linkClass = "text-sky-700 underline-offset-2 hover:underline dark:text-sky-400";
