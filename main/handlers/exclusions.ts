// exclusions.* channels: import/export of exclusion sets, approval rule previews (main/console/exclusions.ts).
import type { HandlerTable } from '../ipc/dispatch';
import type { ExclusionsService } from '../console/exclusions';

export function exclusionsHandlers(exclusions: ExclusionsService): Pick<HandlerTable, 'exclusions.importSets' | 'exclusions.exportSets' | 'exclusions.previewRule'> {
  return {
    'exclusions.importSets': ({ json, replaceExisting }) => exclusions.importSets(json, replaceExisting),
    'exclusions.exportSets': ({ names }) => exclusions.exportSets(names),
    'exclusions.previewRule': ({ rule }) => exclusions.previewRule(rule),
  };
}
