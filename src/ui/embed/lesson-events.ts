// Which lesson events a host page hears, from two successive looks at the lesson in progress. Pure,
// so "each time a goal turns met" is tested without a browser. A goal is reported when it turns
// met on the cluster shown; a step when its goals are all met; the lesson with its last step. A
// new lesson or step starts from nothing met, so goals already met when it opens are reported too.
import type { OutboundMessage } from './embed-messages.ts';

export interface LessonLook {
  lesson: string;
  lessonTitle: string;
  /** 0-based, as the lesson store counts; the messages count from 1. */
  step: number;
  stepTitle: string;
  last: boolean;
  goals: readonly { id: string; title: string; met: boolean }[];
}

const allMet = (goals: LessonLook['goals']) => goals.length > 0 && goals.every((g) => g.met);

export function lessonEvents(prev: LessonLook | null, next: LessonLook | null): OutboundMessage[] {
  if (!next) return [];
  const sameStep = prev !== null && prev.lesson === next.lesson && prev.step === next.step;
  const metBefore = new Set(sameStep ? prev.goals.filter((g) => g.met).map((g) => g.id) : []);
  const step = next.step + 1;
  const out: OutboundMessage[] = [];
  for (const g of next.goals) {
    if (g.met && !metBefore.has(g.id)) out.push({ type: 'kubesim:goal-met', lesson: next.lesson, step, goal: g.id, title: g.title });
  }
  if (allMet(next.goals) && !(sameStep && allMet(prev.goals))) {
    out.push({ type: 'kubesim:step-complete', lesson: next.lesson, step, title: next.stepTitle });
    if (next.last) out.push({ type: 'kubesim:lesson-complete', lesson: next.lesson, title: next.lessonTitle });
  }
  return out;
}
