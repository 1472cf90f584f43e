// One facet filter (directory, status, enabled, ...): a multi-select dropdown
// listing the values present in the listing, with how many accounts have each.
import { Dropdown, makeStyles, Option, tokens } from '@fluentui/react-components';
import { formatCount } from '../../lib/format';
import { useAccountsStore } from '../../state/accounts-store';
import { facetOptions, facetSpecs, type FacetId } from './model/facets';

const useStyles = makeStyles({
  dropdown: { minWidth: '140px', maxWidth: '220px' },
  listbox: { minWidth: '280px' },
  option: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, width: '100%' },
  count: { color: tokens.colorNeutralForeground3 },
});

export function FacetFilter({ id }: { id: FacetId }) {
  const styles = useStyles();
  const spec = facetSpecs[id];
  const dictionary = useAccountsStore((state) => state.table.facets[id].dictionary);
  // Counts grow in place as pages arrive; the version makes this re-read them.
  useAccountsStore((state) => state.dataVersion);
  const chosen = useAccountsStore((state) => state.filter.facets[id]) ?? [];
  const setFacet = useAccountsStore((state) => state.setFacet);
  const options = facetOptions(id, dictionary);
  const labelOf = (value: string) => options.find((option) => option.value === value)?.label ?? value;
  const shown = chosen.length === 0 ? '' : chosen.length === 1 ? labelOf(chosen[0] ?? '') : `${spec.label}: ${chosen.length} chosen`;

  return (
    <Dropdown
      className={styles.dropdown}
      size="medium"
      multiselect
      aria-label={`Filter by ${spec.label.toLowerCase()}`}
      placeholder={spec.anyLabel}
      value={shown}
      selectedOptions={[...chosen]}
      listbox={{ className: styles.listbox }}
      onOptionSelect={(_event, data) => setFacet(id, data.selectedOptions)}
    >
      {options.map((option) => (
        <Option key={option.value} value={option.value} text={option.label}>
          <span className={styles.option}>
            <span>{option.label}</span>
            <span className={styles.count}>{formatCount(option.count)}</span>
          </span>
        </Option>
      ))}
    </Dropdown>
  );
}
