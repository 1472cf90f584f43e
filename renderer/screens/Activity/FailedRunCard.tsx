// A run whose journal could not be read: listed, never hidden, with the reason.
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { FailedListing } from './activity-view';

const useStyles = makeStyles({ item: { listStyle: 'none' } });

export function FailedRunCard({ listing }: { listing: FailedListing }) {
  const styles = useStyles();
  return (
    <li className={styles.item}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Run {listing.runId} could not be read</MessageBarTitle>
          {listing.error}
        </MessageBarBody>
      </MessageBar>
    </li>
  );
}
