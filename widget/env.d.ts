// Vite's `?inline` imports: the CSS file's text, to put into a shadow root.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
