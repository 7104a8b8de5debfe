import { useLayoutEffect, useRef, useState } from 'react';
import { Button, I18nProvider, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ActionMenuProps } from './menuAction';

/**
 * The menu itself (React Aria's Menu: arrow keys, typeahead, Escape, focus back on the button,
 * right to left). When someone pressed the plain button before this code arrived
 * (`opensAtOnce`), it takes the focus on its own button, then opens, so that closing it returns
 * the focus there.
 */
export default function ActionMenuView(props: ActionMenuProps & { opensAtOnce: boolean }) {
  const { i18n } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const { opensAtOnce } = props;
  useLayoutEffect(() => {
    if (!opensAtOnce) return;
    button.current?.focus();
    // Opens only now, once the button holds the focus the menu gives back when it closes.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setOpen(true);
  }, [opensAtOnce]);
  const disabled = props.actions.filter((a) => a.isDisabled).map((a) => a.id);
  return (
    <I18nProvider locale={i18n.language}>
      <MenuTrigger isOpen={isOpen} onOpenChange={setOpen}>
        <Button ref={button} className="secondary menu-button" aria-label={props.label}>
          {props.text} <span aria-hidden="true">▾</span>
        </Button>
        <Popover className="picker-popover menu-popover" placement="bottom end">
          <Menu
            // Opened from the plain button: the first action takes the focus, as a key would.
            {...(opensAtOnce ? { autoFocus: 'first' as const } : {})}
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
