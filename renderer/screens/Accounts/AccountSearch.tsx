// Instant search over login, display name, directory, groups, e-mail and
// host. "/" anywhere on the screen (outside a text field) jumps here.
import { makeStyles, SearchBox } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useAccountsStore } from '../../state/accounts-store';

const useStyles = makeStyles({ box: { width: '300px', maxWidth: '100%' } });

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

export function AccountSearch() {
  const styles = useStyles();
  const search = useAccountsStore((state) => state.filter.search);
  const setSearch = useAccountsStore((state) => state.setSearch);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      // A dialog or drawer has the operator's attention; leave its keys alone.
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <SearchBox
      ref={input}
      className={styles.box}
      size="medium"
      value={search}
      placeholder="Search accounts (press / )"
      aria-label="Search accounts by name, display name, directory or group"
      aria-keyshortcuts="/"
      onChange={(_event, data) => setSearch(data.value)}
    />
  );
}
