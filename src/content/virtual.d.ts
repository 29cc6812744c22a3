// Built by vite.config.ts from scenarios/*.yaml: each file's parsed data.
declare module 'virtual:hotliner-content' {
  const content: {
    readonly playbook: { readonly file: string; readonly data: unknown };
    readonly calls: readonly { readonly file: string; readonly data: unknown }[];
  };
  export default content;
}
