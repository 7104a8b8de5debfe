/** One action of an ActionMenu. */
export interface MenuAction {
  id: string;
  label: string;
  isDisabled?: boolean;
  isDanger?: boolean;
  onAction: () => void;
}

export interface ActionMenuProps {
  /** Names the button for screen readers with what it acts on. */
  label: string;
  /** What the button shows. */
  text: string;
  actions: MenuAction[];
}
