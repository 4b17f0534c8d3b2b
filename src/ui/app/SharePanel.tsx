// The Share popover's content: the link (selected, ready to copy), its length, and a warning
// when it is too long to paste into chat or show as a QR code.
import { useEffect, useId, useState } from 'react';
import { COMFORTABLE_LINK_CHARS } from '../../store/share-link.ts';
import { Icon } from '../components/Icon.tsx';
import { copyText, type Shared } from './clipboard.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function SharePanel({ shared, onCopied }: { shared: Shared; onCopied: () => void }) {
  return 'error' in shared ? <ShareError error={shared.error} /> : <ShareLink url={shared.url} copied={shared.copied} onCopied={onCopied} />;
}

function ShareLink({ url, copied, onCopied }: { url: string; copied: boolean; onCopied: () => void }) {
  const titleId = useId();
  const [input, setInput] = useState<HTMLInputElement | null>(null);
  // Focused and selected, so Ctrl/Cmd+C works at once when the clipboard was refused.
  useEffect(() => {
    input?.focus();
    input?.select();
    if (input) input.scrollLeft = 0; // show where the link starts (selecting scrolls to its end)
  }, [input, url]);
  const long = url.length > COMFORTABLE_LINK_CHARS;
  return (
    <div role="dialog" aria-labelledby={titleId} className="space-y-2.5">
      <div className="flex items-center gap-2">
        <span className={`grid size-5 place-items-center rounded-full ${copied ? 'bg-emerald-100 text-emerald-700 dark:bg-emerald-400/15 dark:text-emerald-300' : 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300'}`}>
          <Icon name={copied ? 'check' : 'copy'} className="size-3.5" />
        </span>
        <h2 id={titleId} className="font-semibold text-slate-900 dark:text-white">
          {copied ? 'Link copied' : 'Copy this link'}
        </h2>
        <span className={`ml-auto text-xs tabular-nums ${long ? 'font-semibold text-amber-700 dark:text-amber-300' : 'text-slate-500 dark:text-slate-400'}`}>{url.length.toLocaleString('en')} characters</span>
      </div>
      <div className="flex gap-2">
        <input
          ref={setInput}
          readOnly
          value={url}
          aria-label="Share link"
          onFocus={(e) => e.currentTarget.select()}
          className="h-8 min-w-0 flex-1 rounded-lg border border-slate-300 bg-slate-50 px-2 font-mono text-xs text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200"
        />
        <button
          type="button"
          onClick={async () => (await copyText(url)) && onCopied()}
          className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-lg bg-indigo-600 px-2.5 text-xs font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
        >
          <Icon name="copy" className="size-3.5" />
          Copy
        </button>
      </div>
      {!copied && (
        <p className="text-xs text-slate-600 dark:text-slate-300">
          The browser did not allow copying. The link is selected: press {isMac ? '⌘C' : 'Ctrl+C'}.
        </p>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">Opens this editor text, the cluster, every step and this point on the timeline. It is all in the link: nothing goes to a server.</p>
      {long && (
        <p className="flex gap-1.5 rounded-lg bg-amber-50 px-2 py-1.5 text-xs text-amber-900 dark:bg-amber-400/10 dark:text-amber-200">
          <Icon name="alert" className="mt-px size-3.5 shrink-0" />
          Longer than {COMFORTABLE_LINK_CHARS.toLocaleString('en')} characters: chat apps and QR codes may cut it off. Shorter editor text and fewer steps (Reset, then Apply) make a shorter link.
        </p>
      )}
    </div>
  );
}

function ShareError({ error }: { error: string }) {
  return (
    <div role="alert" className="flex gap-2 text-rose-800 dark:text-rose-200">
      <Icon name="alert" className="mt-0.5 size-4 shrink-0" />
      <p>{error}</p>
    </div>
  );
}
