import { Button, I18nProvider, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface MenuAction {
  id: string;
  label: string;
  isDisabled?: boolean;
  isDanger?: boolean;
  onAction: () => void;
}

/**
 * One button opening a list of actions (React Aria's Menu: arrow keys, typeahead, Escape, focus
 * back on the button, right to left), in place of a row of buttons. `label` names the button
 * for screen readers with what it acts on; `text` is what it shows.
 */
export function ActionMenu(props: { label: string; text: string; actions: MenuAction[] }) {
  const { i18n } = useTranslation();
  const disabled = props.actions.filter((a) => a.isDisabled).map((a) => a.id);
  return (
    <I18nProvider locale={i18n.language}>
      <MenuTrigger>
        <Button className="secondary menu-button" aria-label={props.label}>
          {props.text} <span aria-hidden="true">▾</span>
        </Button>
        <Popover className="picker-popover menu-popover" placement="bottom end">
          <Menu
            className="picker-list"
            disabledKeys={disabled}
            onAction={(key) => props.actions.find((a) => a.id === key)?.onAction()}
          >
            {props.actions.map((action) => (
              <MenuItem
                key={action.id}
                id={action.id}
                className={`picker-option${action.isDanger ? ' menu-danger' : ''}`}
              >
                {action.label}
              </MenuItem>
            ))}
          </Menu>
        </Popover>
      </MenuTrigger>
    </I18nProvider>
  );
}
