// Selection entries that did not become exactly one account (unknown, ambiguous,
// duplicate): said plainly so nobody assumes they were reset.
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { PlanDto } from '../../../preload/contract';
import { plural } from '../../lib/format';

const SHOWN = 20;

const useStyles = makeStyles({ list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL } });

export function SelectionProblems({ problems }: { problems: PlanDto['selectionProblems'] }) {
  const styles = useStyles();
  if (problems.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{plural(problems.length, 'selected entry', 'selected entries')} did not match exactly one account</MessageBarTitle>
        These are not in the plan and will not be reset.
        <ul className={styles.list}>
          {problems.slice(0, SHOWN).map((problem, index) => (
            <li key={`${problem.line ?? 'x'}-${index}`}>
              {problem.line !== null ? `Line ${problem.line}: ` : ''}
              {problem.message}
            </li>
          ))}
          {problems.length > SHOWN && <li>…and {plural(problems.length - SHOWN, 'more')}.</li>}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
