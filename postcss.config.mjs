// Tailwind 4 runs as one PostCSS plugin.
const config = { plugins: { "@tailwindcss/postcss": {} } };

export default config;
