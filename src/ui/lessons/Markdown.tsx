// Renders lesson prose (markdown.ts's safe subset) as React elements.
import type { ReactNode } from "react";
import { parseMarkdown, type Inline } from "./markdown.ts";

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.t) {
      case "text":
        return n.v;
      case "code":
        return (
          <code
            key={i}
            className="rounded bg-slate-100 px-1 py-px font-mono text-[0.85em] text-slate-800 dark:bg-slate-800 dark:text-slate-200"
          >
            {n.v}
          </code>
        );
      case "strong":
        return (
          <strong
            key={i}
            className="font-semibold text-slate-900 dark:text-white"
          >
            {inline(n.c)}
          </strong>
        );
      case "em":
        return <em key={i}>{inline(n.c)}</em>;
      case "link":
        return (
          <a
            key={i}
            href={n.href}
            target="_blank"
            rel="noopener noreferrer"
            className="text-indigo-600 underline dark:text-indigo-400"
          >
            {inline(n.c)}
          </a>
        );
    }
  });
}

export function Markdown({ text }: { text: string }) {
  return (
    <div className="space-y-2">
      {parseMarkdown(text).map((b, i) =>
        b.t === "p" ? (
          <p key={i}>{inline(b.c)}</p>
        ) : b.t === "pre" ? (
          <pre
            key={i}
            className="overflow-x-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800"
          >
            {b.v}
          </pre>
        ) : b.t === "ul" ? (
          <ul key={i} className="list-disc space-y-1 pl-5">
            {b.items.map((it, j) => (
              <li key={j}>{inline(it)}</li>
            ))}
          </ul>
        ) : (
          <ol key={i} className="list-decimal space-y-1 pl-5">
            {b.items.map((it, j) => (
              <li key={j}>{inline(it)}</li>
            ))}
          </ol>
        ),
      )}
    </div>
  );
}
