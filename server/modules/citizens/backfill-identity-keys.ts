import type { LookupKey } from '../../crypto/lookup-key'
import type { SecretBox } from '../../crypto/secret-box'
import type { Db } from '../../db/db'
import { insertNotice } from './face-checks-repository'
import { clearIdentity, listUnkeyedIdentities, setIdentityKey } from './repository'
import { identityKeyOf } from './verify-person'

/**
 * Gives identities verified before lookup keys existed their key, oldest
 * first. Where two accounts had verified the same identity, the first keeps
 * it; the later loses it and is told why (one identity, one account).
 * Returns how many lost it.
 */
export async function backfillIdentityKeys(db: Db, box: SecretBox, lookup: LookupKey): Promise<number> {
  let cleared = 0
  for (const row of await listUnkeyedIdentities(db)) {
    const { idNumber } = JSON.parse(box.open(row.sealed)) as { idNumber: string }
    await db.transaction(async (tx) => {
      if (await setIdentityKey(tx, row.id, identityKeyOf(lookup, idNumber))) return
      await clearIdentity(tx, row.id)
      await insertNotice(tx, row.id, 'identity-moved', '您的实名身份已绑定在另一个微信账号上，本账号已解除实名认证。如需改用本账号，请重新实名认证并完成人脸核身。')
      cleared++
    })
  }
  return cleared
}
