// What the canvas's context menu needs once it is first opened: the menu for an object and the
// menu component. Loaded with import() on the first right-click, so the first screen stays small.
export { chaosMenuFor, firstLine } from './chaos-actions.ts';
export { ContextMenu } from './ContextMenu.tsx';
