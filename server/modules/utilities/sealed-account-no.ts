import type { SecretBox } from '../../crypto/secret-box'

/** A 户号 as the utilities tables keep it: sealed (AES-256-GCM), never in the clear. */
export function sealAccountNo(box: SecretBox, accountNo: string): string {
  return box.seal(JSON.stringify({ accountNo }))
}

/** The 户号 of a sealed one, for the company's request only. */
export function openAccountNo(box: SecretBox, sealed: string): string {
  return (JSON.parse(box.open(sealed)) as { accountNo: string }).accountNo
}
