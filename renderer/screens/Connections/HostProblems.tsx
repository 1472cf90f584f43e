// The lines of a host list that are not usable computer names, each with its
// line number and why.
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { plural } from '../../lib/format';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL, maxHeight: '200px', overflowY: 'auto' },
});

export interface HostProblem {
  line: number | null;
  message: string;
}

export function HostProblems({ problems, accepted }: { problems: readonly HostProblem[]; accepted: number }) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{plural(problems.length, 'line')} to fix.</MessageBarTitle>
        {accepted > 0 ? `${plural(accepted, 'computer name')} ${accepted === 1 ? 'is' : 'are'} fine. ` : ''}Fix or remove these lines, then add again.
        <ul className={styles.list} aria-label="Lines to fix">
          {problems.map((problem, index) => (
            <li key={`${problem.line ?? 'text'}-${index}`}>
              {problem.line === null ? 'The list' : `Line ${problem.line}`}: {problem.message}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
