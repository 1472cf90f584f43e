// The filter bar: search, then one dropdown per facet, then a way back to
// the whole list.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useAccountsStore } from '../../state/accounts-store';
import { AccountSearch } from './AccountSearch';
import { FacetFilter } from './FacetFilter';
import { facetIds } from './model/facets';
import { isFiltering } from './model/filter';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export function AccountFilters() {
  const styles = useStyles();
  const filtering = useAccountsStore((state) => isFiltering(state.filter));
  const clearFilters = useAccountsStore((state) => state.clearFilters);
  return (
    <div className={styles.bar} role="search" aria-label="Find accounts">
      <AccountSearch />
      {facetIds.map((id) => (
        <FacetFilter key={id} id={id} />
      ))}
      {filtering && (
        <Button appearance="subtle" icon={<DismissRegular />} onClick={clearFilters}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
