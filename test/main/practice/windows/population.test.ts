// The practice estate has the accounts and hosts a trainee should meet.
import { describe, expect, it } from 'vitest';
import { collectAccounts } from '../../../../main/core/domain';
import type { Clock } from '../../../../main/core/ports';
import { createPracticeWindowsDirectory } from '../../../../main/practice/windows/index';
import { practiceNetwork } from '../../../../main/practice/windows/population';

const clock: Clock = { now: () => Date.UTC(2026, 10, 21, 19, 0, 0), sleep: async () => undefined };

describe('the practice Windows estate', () => {
  const network = practiceNetwork(clock);
  const names = (host: string) => [...network.resolve(host)!.sam.accounts.values()].map((a) => `${a.rid}:${a.name}`);

  it('has built-ins under their translated names, with the RIDs that identify them', () => {
    expect(names('PARIS-FS01').slice(0, 4)).toEqual(['500:Administrateur', '501:Invité', '503:DefaultAccount', '504:WDAGUtilityAccount']);
    expect(names('BERLIN-APP02').slice(0, 2)).toEqual(['500:Administrator', '501:Gast']);
    expect(names('MADRID-WS07').slice(0, 2)).toEqual(['500:Administrador', '501:Invitado']);
  });

  it('has the awkward accounts: never-expires service, disabled, Microsoft account, apostrophes and non-ASCII names', () => {
    const sam = network.thisComputer.sam;
    expect(sam.neverExpires(sam.findByName('svc-backup')!)).toBe(true);
    expect(sam.enabled(sam.findByName('kiosk')!)).toBe(false);
    expect(sam.findByName('maria')?.principalSource).toBe('MicrosoftAccount');
    for (const name of ["o'brien", 'Zoë', 'Łukasz']) expect(sam.findByName(name)?.name).toBe(name);
  });

  it('has hosts that fail the way real ones do: one switched off, one in a workgroup', () => {
    expect(network.resolve('LONDON-KIOSK3')?.reachability).toBe('offline');
    expect(network.resolve('london-kiosk3.contoso.local')).toBe(network.resolve('LONDON-KIOSK3'));
    expect(network.resolve('MADRID-WS07')?.access.kerberos).toBe(false);
    expect(network.resolve('10.20.1.15')?.sam.computerName).toBe('PARIS-FS01');
  });

  it('the factory returns a ready directory for this computer', async () => {
    const directory = await createPracticeWindowsDirectory({ clock });
    expect(directory.id).toBe('windows:this-computer');
    expect((await collectAccounts(directory, { search: 'backup' })).map((a) => a.login)).toEqual(['svc-backup']);
  });
});
