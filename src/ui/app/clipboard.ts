// Copying the share link, and what the Share popover shows.

/** The link and whether it reached the clipboard, or why no link could be made. */
export type Shared = { url: string; copied: boolean } | { error: string };

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // not allowed (permissions, insecure origin, no focus): the popover offers the text
  }
}
