// "Add rule" with every rule type the contract knows, each with its meaning.
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { ruleTypeInfo, ruleTypes, type ExclusionRuleType } from './exclusion-draft';

export function AddRuleMenu({ setName, onAdd }: { setName: string; onAdd: (type: ExclusionRuleType) => void }) {
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button size="small" icon={<AddRegular />} aria-label={`Add rule to ${setName || 'this set'}`}>
          Add rule
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {ruleTypes.map((type) => (
            <MenuItem key={type} onClick={() => onAdd(type)}>
              {ruleTypeInfo[type].label}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
