import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown } from "./markdown.ts";
import { lessonLink, lessonLinkFor } from "./lesson-entry.ts";

describe("lesson Markdown subset", () => {
  it("reads paragraphs, lists, code and emphasis", () => {
    const blocks = parseMarkdown(
      "Create a **PV** with `hostPath`\nand *Retain*.\n\n- one\n- two `x`\n\n1. first\n",
    );
    expect(blocks.map((b) => b.t)).toEqual(["p", "ul", "ol"]);
    expect(blocks[0]).toEqual({
      t: "p",
      c: [
        { t: "text", v: "Create a " },
        { t: "strong", c: [{ t: "text", v: "PV" }] },
        { t: "text", v: " with " },
        { t: "code", v: "hostPath" },
        { t: "text", v: " and " },
        { t: "em", c: [{ t: "text", v: "Retain" }] },
        { t: "text", v: "." },
      ],
    });
  });

  it("keeps markup and unsafe links as text", () => {
    expect(parseInline("<img src=x onerror=alert(1)>")).toEqual([
      { t: "text", v: "<img src=x onerror=alert(1)>" },
    ]);
    expect(parseInline("[x](javascript:alert(1))")).toEqual([
      { t: "text", v: "[x](javascript:alert(1))" },
    ]);
    expect(parseInline("[docs](https://kubernetes.io/docs)")[0]).toMatchObject({
      t: "link",
      href: "https://kubernetes.io/docs",
    });
  });

  it("reads and writes lesson links, steps counted from 1", () => {
    expect(lessonLink("#lesson=static-binding&step=2")).toEqual({
      id: "static-binding",
      step: 1,
      lecture: false,
    });
    expect(lessonLink("#lesson=x&step=zero")).toEqual({ id: "x", step: 0, lecture: false });
    expect(lessonLink("#s=v1.abc")).toBeNull();
    expect(lessonLink(lessonLinkFor("static-binding", 2))).toEqual({
      id: "static-binding",
      step: 2,
      lecture: false,
    });
    // Lecture mode, for the projector.
    expect(lessonLinkFor("static-binding", 0, true)).toBe("#lesson=static-binding&step=1&lecture=1");
    expect(lessonLink("#lesson=static-binding&step=1&lecture=1")).toEqual({
      id: "static-binding",
      step: 0,
      lecture: true,
    });
  });
});
