// Arrow-key movement inside a role="menu" (WAI-ARIA menu pattern): ↑/↓ wrap around, Home and
// End jump to the ends. Shared by the canvas's context menu and the editor's Insert menu.

/** Moves focus among the menu's items for a navigation key; returns false for any other key. */
export function moveMenuFocus(menu: HTMLElement | null, key: string): boolean {
  const items = [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const at = items.indexOf(document.activeElement as HTMLElement);
  const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
  if (key === 'ArrowDown') focus(at + 1);
  else if (key === 'ArrowUp') focus(at - 1);
  else if (key === 'Home') focus(0);
  else if (key === 'End') focus(items.length - 1);
  else return false;
  return true;
}
