// Built by vite.config.ts: the address of the content JSON (see ContentData in bundle.ts).
declare module 'virtual:hotliner-content' {
  const url: string;
  export default url;
}
