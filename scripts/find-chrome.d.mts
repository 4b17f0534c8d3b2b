// Types for scripts/find-chrome.mjs (tsconfig has no allowJs, so TypeScript reads this instead).
export declare const DEBIAN_CHROMIUM: string;
export declare const CHROME_ARGS: string[];
export declare const HOW_TO_GET_CHROME: string;

export type ChromeFound = { path: string; source: 'CHROME_PATH' | 'debian' | 'playwright' };
export type ChromeMissing = { path: null; error: string };

export declare function findChrome(options?: {
  env?: Record<string, string | undefined>;
  isExecutable?: (file: string) => boolean;
  bundledPath?: () => string | null;
}): ChromeFound | ChromeMissing;
