// Shows the current screen.
import type { ComponentType } from 'react';
import { AccountsScreen } from '../screens/Accounts/AccountsScreen';
import { ActivityScreen } from '../screens/Activity/ActivityScreen';
import { ConnectionsScreen } from '../screens/Connections/ConnectionsScreen';
import { ReviewRunScreen } from '../screens/ReviewRun/ReviewRunScreen';
import { SettingsScreen } from '../screens/Settings/SettingsScreen';
import { VerifyScreen } from '../screens/Verify/VerifyScreen';
import type { ScreenId } from '../state/screens';
import { useConsoleStore } from '../state/store';

const screens: Record<ScreenId, ComponentType> = {
  accounts: AccountsScreen,
  review: ReviewRunScreen,
  verify: VerifyScreen,
  activity: ActivityScreen,
  connections: ConnectionsScreen,
  settings: SettingsScreen,
};

export function ScreenOutlet() {
  const screen = useConsoleStore((state) => state.screen);
  const Screen = screens[screen];
  return <Screen />;
}
