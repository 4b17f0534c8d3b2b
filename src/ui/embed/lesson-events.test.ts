import { describe, expect, it } from 'vitest';
import { lessonEvents, type LessonLook } from './lesson-events.ts';

const look = (step: number, met: boolean[], last = false, lesson = 'l1'): LessonLook => ({
  lesson,
  lessonTitle: 'Lesson one',
  step,
  stepTitle: `Step ${step + 1}`,
  last,
  goals: met.map((m, i) => ({ id: `g${i}`, title: `Goal ${i}`, met: m })),
});

describe('lesson events for the host page', () => {
  it('says nothing without a lesson, or when nothing turned met', () => {
    expect(lessonEvents(null, null)).toEqual([]);
    expect(lessonEvents(look(0, [false, false]), null)).toEqual([]);
    expect(lessonEvents(null, look(0, [false, false]))).toEqual([]);
    expect(lessonEvents(look(0, [true, false]), look(0, [true, false]))).toEqual([]);
  });

  it('reports each goal as it turns met, with the step counted from 1', () => {
    expect(lessonEvents(look(1, [false, false]), look(1, [true, false]))).toEqual([{ type: 'kubesim:goal-met', lesson: 'l1', step: 2, goal: 'g0', title: 'Goal 0' }]);
  });

  it('reports the step complete when its last goal turns met, and again only after it was lost', () => {
    const done = lessonEvents(look(0, [true, false]), look(0, [true, true]));
    expect(done.map((m) => m.type)).toEqual(['kubesim:goal-met', 'kubesim:step-complete']);
    expect(done[1]).toEqual({ type: 'kubesim:step-complete', lesson: 'l1', step: 1, title: 'Step 1' });
    expect(lessonEvents(look(0, [true, true]), look(0, [true, true]))).toEqual([]);
    expect(lessonEvents(look(0, [true, false]), look(0, [true, true])).map((m) => m.type)).toContain('kubesim:step-complete');
  });

  it('reports the lesson complete with its last step', () => {
    const out = lessonEvents(look(2, [false], true), look(2, [true], true));
    expect(out.map((m) => m.type)).toEqual(['kubesim:goal-met', 'kubesim:step-complete', 'kubesim:lesson-complete']);
    expect(out[2]).toEqual({ type: 'kubesim:lesson-complete', lesson: 'l1', title: 'Lesson one' });
  });

  it('starts a new step or lesson from nothing met', () => {
    expect(lessonEvents(look(0, [true, true]), look(1, [true, false])).map((m) => m.type)).toEqual(['kubesim:goal-met']);
    expect(lessonEvents(look(0, [true]), look(0, [true], false, 'l2')).map((m) => m.type)).toEqual(['kubesim:goal-met', 'kubesim:step-complete']);
  });
});
