// Handing the trainee a file: the browser's download of a document made in the page.

/** Offers `text` as a file named `name` (the browser saves it where the user keeps downloads). */
export function download(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by then; the object URL is only needed until it has.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
