// "Add a directory": one tab per kind, the chosen kind's form below. This
// computer is offered only when Rekey runs on Windows.
import { makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useConsoleStore } from '../../state/store';
import { EntraForm } from './EntraForm';
import { OktaForm } from './OktaForm';
import { PracticeForm } from './PracticeForm';
import { RemoteHostsForm } from './RemoteHostsForm';
import { WindowsLocalForm } from './WindowsLocalForm';

type AddKind = 'windows-local' | 'windows-remote' | 'entra' | 'okta' | 'practice';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2 },
});

const labels: Record<AddKind, string> = {
  'windows-local': 'This computer',
  'windows-remote': 'Remote Windows computers',
  entra: 'Entra ID tenant',
  okta: 'Okta org',
  practice: 'Practice',
};

export function AddConnectionSection() {
  const styles = useStyles();
  const onWindows = useConsoleStore((state) => state.appInfo?.platform === 'win32');
  const kinds: AddKind[] = onWindows ? ['windows-local', 'windows-remote', 'entra', 'okta', 'practice'] : ['windows-remote', 'entra', 'okta', 'practice'];
  const [chosen, setChosen] = useState<AddKind>('entra');
  const kind = kinds.includes(chosen) ? chosen : 'entra';

  return (
    <section className={styles.section} aria-labelledby="add-connection-title">
      <h2 id="add-connection-title" className={styles.title}>
        Add a directory
      </h2>
      <TabList size="small" selectedValue={kind} onTabSelect={(_event, data) => setChosen(data.value as AddKind)} aria-label="Kind of directory">
        {kinds.map((value) => (
          <Tab key={value} value={value} id={`add-tab-${value}`}>
            {labels[value]}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-labelledby={`add-tab-${kind}`}>
        {kind === 'windows-local' && <WindowsLocalForm />}
        {kind === 'windows-remote' && <RemoteHostsForm />}
        {kind === 'entra' && <EntraForm />}
        {kind === 'okta' && <OktaForm />}
        {kind === 'practice' && <PracticeForm />}
      </div>
      {!onWindows && (
        <Text size={200} className={styles.note}>
          This computer&apos;s own local accounts can be added when Rekey runs on Windows.
        </Text>
      )}
    </section>
  );
}
