// Built by vite.config.ts (studioLibrary): the address of the Studio's library JSON.
declare module 'virtual:hotliner-studio' {
  const url: string;
  export default url;
}
