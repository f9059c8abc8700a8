// Vite's `?raw` imports (file contents as a string), used by tests to compare generated files.
declare module '*?raw' {
  const content: string;
  export default content;
}
