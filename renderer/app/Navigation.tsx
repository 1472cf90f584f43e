// The screen list, as a vertical Fluent TabList inside a <nav> landmark:
// Tab reaches it, arrow keys move between screens, Enter or Space opens one.
import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import {
  ClipboardTaskListLtrRegular,
  HistoryRegular,
  PeopleRegular,
  PlugConnectedRegular,
  SettingsRegular,
  ShieldCheckmarkRegular,
} from '@fluentui/react-icons';
import type { ComponentType } from 'react';
import { isScreenId, screenIds, screenTitles, type ScreenId } from '../state/screens';
import { useConsoleStore } from '../state/store';

const icons: Record<ScreenId, ComponentType> = {
  accounts: PeopleRegular,
  review: ClipboardTaskListLtrRegular,
  verify: ShieldCheckmarkRegular,
  activity: HistoryRegular,
  connections: PlugConnectedRegular,
  settings: SettingsRegular,
};

const useStyles = makeStyles({
  nav: {
    width: '208px',
    flexShrink: 0,
    paddingTop: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowY: 'auto',
  },
  tabs: { width: '100%' },
  tab: { justifyContent: 'flex-start', width: '100%' },
});

/** The id of a screen's tab, so the screen region can name itself after it. */
export const tabId = (screen: ScreenId): string => `screen-tab-${screen}`;

export function Navigation() {
  const styles = useStyles();
  const screen = useConsoleStore((state) => state.screen);
  const showScreen = useConsoleStore((state) => state.showScreen);
  return (
    <nav className={styles.nav} aria-label="Screens">
      <TabList
        vertical
        className={styles.tabs}
        selectedValue={screen}
        onTabSelect={(_event, data) => {
          if (isScreenId(data.value)) showScreen(data.value);
        }}
      >
        {screenIds.map((id) => {
          const Icon = icons[id];
          return (
            <Tab key={id} id={tabId(id)} value={id} icon={<Icon />} className={styles.tab}>
              {screenTitles[id]}
            </Tab>
          );
        })}
      </TabList>
    </nav>
  );
}
