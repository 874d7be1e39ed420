import { idCheckCharacter } from '../../src/domain/id-number'

let next = 0

/**
 * A person no other test of the file uses (one identity binds one account):
 * a valid ID number that masks like the demo one (5106**********1238), under
 * a name the simulated registry accepts for it.
 */
export function freshPerson(name = '张伟'): { name: string; idNumber: string } {
  for (;;) {
    const day = new Date(Date.UTC(1960, 0, 1) + next++ * 86_400_000)
    const first17 = `510603${day.toISOString().slice(0, 10).replaceAll('-', '')}123`
    if (idCheckCharacter(first17) === '8' && first17 !== '51060319900307123') return { name, idNumber: first17 + '8' }
  }
}
