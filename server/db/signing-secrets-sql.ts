/**
 * SQL for an agency's previous signing secret (sealed) while its rotation's
 * overlap window lasts, NULL after it: so every reader of the secrets agrees
 * on when the old one stops verifying. `agencies` is the alias of the agencies table.
 */
export function previousSigningSecretSql(agencies: string): string {
  return `CASE WHEN ${agencies}.previous_signing_secret_until > now() THEN ${agencies}.previous_signing_secret END`
}
