// The Studio's library (vite.config.ts, `virtual:hotliner-studio`): each call's YAML and English
// JSON as text, and the playbook's, fetched when the Studio starts.
import libraryUrl from 'virtual:hotliner-studio';

export type LibraryCall = {
  readonly id: string;
  readonly file: string;
  readonly text: string;
  /** Its English translation JSON, or null. */
  readonly en: string | null;
};

export type StudioLibrary = {
  readonly playbook: { readonly file: string; readonly text: string };
  /** The playbook's English translation JSON. */
  readonly playbookEn: string | null;
  readonly calls: readonly LibraryCall[];
};

/** Fetches the library; rejects with the address and the reason when it cannot. */
export async function fetchLibrary(): Promise<StudioLibrary> {
  const res = await fetch(libraryUrl);
  if (!res.ok) throw new Error(`${libraryUrl}: HTTP ${res.status}`);
  return (await res.json()) as StudioLibrary;
}
