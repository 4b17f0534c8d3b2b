// The goal ghost drawn: the worker's placed cards, in the canvas's visual language (kind badge,
// name, status pill in its colour family, the tone bar), greyed as a ghost, with dashed lines in
// the canvas's edge colours. A card the learner has is solid with a tick; one not there yet is
// dashed and faded; one there with another status says what it still has to become
// (`Available → Bound`). Laid out in world units (ghost-layout.ts) and scaled to its box.
import type { GhostLayout } from "./ghost-layout.ts";
import type { Presence } from "./ghost-presence.ts";
import type { GhostCard, GhostPicture } from "./ghost-picture.ts";
import { TONE_BAR, TONE_DOT, TONE_PILL } from "../components/tones.ts";

/** The canvas's edge colour per relation (index.css); an image line is drawn as `uses`. */
const EDGE_VAR: Record<string, string> = {
  uses: "var(--edge-uses)",
  bound: "var(--edge-bound)",
  provisioned: "var(--edge-provisioned)",
  waiting: "var(--edge-waiting)",
  config: "var(--edge-config)",
  owns: "var(--edge-owns)",
  image: "var(--edge-uses)",
};

export function presenceText(card: GhostCard, p: Presence | undefined): string {
  if (card.gone)
    return p?.state === "have" ? "gone, as the step wants" : "still there: the step wants it gone";
  if (!p || p.state === "missing") return "not there yet";
  if (p.state === "differs") return `you have it, ${p.now || "without a status"} for now (the goal: ${card.status})`;
  return "you have this";
}

function Card({ card, at, presence, detail }: { card: GhostCard; at: { x: number; y: number }; presence: Presence | undefined; detail: boolean }) {
  const have = presence?.state === "have";
  const differs = presence?.state === "differs";
  const text = presenceText(card, presence);
  return (
    <li
      data-ghost-card={card.id}
      data-presence={presence?.state ?? "missing"}
      title={`${card.kind} ${card.label}${card.status ? ` · ${card.status}` : ""}${card.detail ? ` · ${card.detail}` : ""}: ${text}`}
      style={{ left: at.x, top: at.y, width: "var(--ghost-w)", height: "var(--ghost-h)" }}
      className={[
        "absolute flex flex-col justify-center gap-1 overflow-hidden rounded-md border-[1.5px] bg-white/90 py-1 pr-1.5 pl-2.5 shadow-sm dark:bg-slate-900/85",
        'before:absolute before:inset-y-0 before:left-0 before:w-1 before:content-[""]',
        TONE_BAR[card.tone],
        have
          ? "border-solid border-emerald-500 dark:border-emerald-400"
          : differs
            ? "border-solid border-amber-500 dark:border-amber-400"
            : "border-dashed border-slate-400 opacity-70 dark:border-slate-500",
      ].join(" ")}
    >
      <div className="flex min-w-0 items-center gap-1.5">
        <span
          title={card.kind}
          className="shrink-0 rounded bg-slate-900/[0.06] px-1 font-mono text-[9px] leading-[14px] font-bold tracking-wider text-slate-600 dark:bg-white/10 dark:text-slate-300"
        >
          {card.badge}
        </span>
        <span
          className={`min-w-0 flex-1 truncate font-mono text-[12px] leading-4 font-semibold text-slate-900 dark:text-slate-50 ${card.gone ? "line-through decoration-2" : ""}`}
        >
          {card.label}
        </span>
        {have && (
          <span aria-hidden className="grid size-3.5 shrink-0 place-items-center rounded-full bg-emerald-500 text-[9px] leading-none font-bold text-white">
            ✓
          </span>
        )}
      </div>
      <div className="flex min-w-0 items-center gap-1">
        {differs && presence.now && (
          <>
            <span className="shrink-0 text-[10px] leading-[15px] font-medium text-slate-500 dark:text-slate-400">{presence.now}</span>
            <span aria-hidden className="shrink-0 text-[10px] leading-[15px] text-slate-400">→</span>
          </>
        )}
        {card.status && (
          <span
            className={`inline-flex max-w-full min-w-0 shrink-0 items-center gap-1 rounded-full px-1.5 text-[10px] leading-[15px] font-semibold ring-1 ring-inset ${TONE_PILL[card.tone]}`}
          >
            <span aria-hidden className={`size-1.5 shrink-0 rounded-full ${TONE_DOT[card.tone]}`} />
            <span className="truncate">{card.status}</span>
          </span>
        )}
        {detail && card.detail && (
          <span className="ml-0.5 min-w-0 truncate text-[10px] leading-[15px] text-slate-600 dark:text-slate-300">{card.detail}</span>
        )}
      </div>
      <span className="sr-only">{` (${text})`}</span>
    </li>
  );
}

export interface DrawingProps {
  picture: GhostPicture;
  layout: GhostLayout;
  presence: Record<string, Presence>;
  scale: number;
  /** The facts line beside the status (the enlarged picture has room for it). */
  detail: boolean;
  label: string;
}

export function GoalGhostDrawing({ picture, layout, presence, scale, detail, label }: DrawingProps) {
  const { width, height } = layout;
  return (
    <div style={{ width: width * scale, height: height * scale }} className="relative">
      <div
        style={{
          width,
          height,
          transform: `scale(${scale})`,
          transformOrigin: "0 0",
          ["--ghost-w" as string]: `${layout.card.w}px`,
          ["--ghost-h" as string]: `${layout.card.h}px`,
        }}
        className="absolute top-0 left-0"
      >
        <svg aria-hidden width={width} height={height} className="absolute inset-0 overflow-visible">
          {picture.lines.map((l, i) => (
            <path
              key={`${l.relation}:${l.from}>${l.to}`}
              d={layout.paths[i]}
              fill="none"
              stroke={EDGE_VAR[l.relation]}
              strokeWidth={l.relation === "bound" ? 2.25 : 1.6}
              strokeDasharray={l.relation === "config" ? "1.5 4" : "5 4"}
              strokeLinecap="round"
            >
              <title>{l.label}</title>
            </path>
          ))}
        </svg>
        <ul aria-label={label} className="contents">
          {picture.cards.map((c) => (
            <Card key={c.id} card={c} at={layout.at[c.id] ?? { x: 0, y: 0 }} presence={presence[c.id]} detail={detail} />
          ))}
        </ul>
      </div>
    </div>
  );
}
