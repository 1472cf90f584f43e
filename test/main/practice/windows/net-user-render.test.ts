// The simulated computers print net user the way Windows does in their
// language; the real interpreter reads it back to the same facts.
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../../main/core/ports';
import { formatLocal, renderNetUser } from '../../../../main/practice/windows/net-user-render';
import { practiceNetwork } from '../../../../main/practice/windows/population';
import { dateOrderFromPattern, parseNetUser } from '../../../../main/windows/net-user';

const clock: Clock = { now: () => Date.UTC(2026, 10, 21, 19, 0, 0), sleep: async () => undefined };

function localIso(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
}

describe('net user on the simulated computers', () => {
  const network = practiceNetwork(clock);
  const computers = [network.thisComputer, ...['PARIS-FS01', 'BERLIN-APP02', 'MADRID-WS07', 'LONDON-KIOSK3'].map((h) => network.resolve(h)!)];
  const patterns = { 'en-US': 'M/d/yyyy', 'en-GB': 'dd/MM/yyyy', 'de-DE': 'dd.MM.yyyy', 'fr-FR': 'dd/MM/yyyy', 'es-ES': 'dd/MM/yyyy' } as const;

  for (const computer of computers) {
    const { sam } = computer;
    it(`${sam.computerName} (${sam.culture}): every account reads back to what the SAM holds`, () => {
      for (const account of sam.accounts.values()) {
        const text = renderNetUser(sam, account);
        expect(text.endsWith('\r\n')).toBe(true);
        const order = dateOrderFromPattern(patterns[sam.culture]);
        const record = parseNetUser(text, order ? { dateOrder: order } : {});
        expect(record.language).toBe(sam.culture.slice(0, 2));
        expect(record.completed).toBe(true);
        expect(record.unrecognized).toEqual([]);
        expect(record.unparsedValues).toEqual([]);
        expect(record.userName).toBe(account.name);
        expect(record.fullName).toBe(account.fullName || null);
        expect(record.accountActive).toBe(sam.enabled(account));
        expect(record.userMayChangePassword).toBe((account.userFlags & 0x40) === 0);
        expect(record.passwordRequired).toBe((account.userFlags & 0x20) === 0);
        expect(record.lastLogon).toBe(account.lastLogon === null ? null : localIso(account.lastLogon, sam.utcOffsetMinutes));
        const shownLastSet = account.passwordLastSet ?? clock.now();
        expect(record.passwordLastSet).toBe(localIso(shownLastSet, sam.utcOffsetMinutes));
        expect(record.passwordExpires).toBe(sam.neverExpires(account) || sam.maxPasswordAgeDays === null ? null : localIso(shownLastSet + sam.maxPasswordAgeDays * 86_400_000, sam.utcOffsetMinutes));
        // Group names come back cut at 21 characters, as net.exe prints them.
        expect(record.localGroups).toEqual(sam.groupsOf(account.sid).map((g) => g.name.slice(0, 21)));
      }
    });
  }

  it('packs English group cells two to a line, cutting long names', () => {
    const lukasz = network.thisComputer.sam.findByName('Łukasz')!;
    expect(renderNetUser(network.thisComputer.sam, lukasz)).toContain('Local Group Memberships      *Users                *Remote Management Use\r\n');
  });

  it('prints French labels with narrow no-break spaces and curly apostrophes', () => {
    const paris = network.resolve('PARIS-FS01')!.sam;
    const text = renderNetUser(paris, paris.findByName('amélie')!);
    expect(text).toContain('Compte\u202F: actif');
    expect(text).toContain('Nom d’utilisateur');
  });

  it('formats dates the way each culture does', () => {
    const ms = Date.UTC(2026, 10, 21, 14, 3, 4);
    expect(formatLocal(ms, 'en-US', 0)).toBe('11/21/2026 2:03:04 PM');
    expect(formatLocal(ms, 'en-GB', 0)).toBe('21/11/2026 14:03:04');
    expect(formatLocal(ms, 'de-DE', 0)).toBe('21.11.2026 14:03:04');
    expect(formatLocal(ms, 'fr-FR', 60)).toBe('21/11/2026 15:03:04');
    expect(formatLocal(Date.UTC(2026, 10, 21, 9, 7, 30), 'es-ES', 0)).toBe('21/11/2026 9:07:30');
  });
});
