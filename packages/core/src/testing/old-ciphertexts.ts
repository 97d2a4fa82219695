/**
 * Ciphertexts written by the wrappers the one secret box replaced (secret-box-legacy.ts),
 * recorded on 2026-12-03 by running the old code (commit 3678827) — not re-created with the new one —
 * so the tests prove that what existing installs hold still opens. Secrets and plain texts are made up.
 */
export const OLD = {
  /** The server secret the server-key ciphertexts were sealed with (a passphrase, so hashed). */
  passphrase: "operator-secret-key-0123456789abcdef",
  /** A server secret that is base64 of exactly 32 bytes (the LLM layer and the vault used such a one as is). */
  raw32: "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=",
  /** packages/llm secrets.ts encryptSecret(llmPlain, passphrase). */
  llm: "v1.hg0B1tBcPLjpG3_h.VgOhxtTILAd_hvfU3mckCw.tnpNK8HSzeY9cxv76RpVvvhmBOANMmoDfdmR",
  llmPlain: 'sk-llm-旧密钥-0123456789',
  /** encryptSecret('sk-llm-raw-0123456789', raw32). */
  llmRaw32: "v1.y0wnQKYo8gqYxaVa.WWfsdvq80Idce-h94Dlg6g.RFM5GjrRSrrfb6IyI2OGECMF0Mqc",
  /** packages/content images/secret-box.ts seal(contentPlain, passphrase). */
  content: "v1.bAR5CxzHh6w5psBy.uPOSDoYkt-gE-MQEgN9wqA.5xM8HZYQc8SjasJsuoYiHPrnGCFsEg",
  contentPlain: 'img-key-旧-0123456789',
  /** packages/insights alerts: sealSecret(alertTargetPlain, sha256('creatorflow-alerts:' + passphrase)). */
  alertTarget: "v1.CKH3jBgB8U7uT5HZ.Z5xdmFubH87HFbt98NTiLQ.hUtKLlOQeCNH4jKG6RZ7VOIecehX5blFTrhk8qNwvGWJTETZY_8RCHLEMh871-AFBAOo",
  alertTargetPlain: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc123',
  /** The workspace and account the vault ciphertexts belong to (their additional data names them). */
  workspaceId: '0190f000-0000-7000-8000-000000000001',
  accountId: '0190f000-0000-7000-8000-000000000002',
  /** packages/publish vault seal(serverKeyFrom(passphrase), '{"token":"cloud-token-0123456789"}', `${workspaceId}:${accountId}:session:cloud`). */
  vaultCloud: "v1.v+3oOiC+xBacrzdg.vQ3sQuxm+1g6znpolhbQ0Q==.G4TS7lFGjgK3bq/mbPKCFrFOS2/28WzD2C89tm8fZZfw6Q==",
  /** The same under serverKeyFrom(raw32), token cloud-raw-0123456789. */
  vaultCloudRaw32: "v1.XngThQBAAOQC2il4.M8/St8gpsBh2ROX6o6Ywcw==.Muf+F2cU5qHX1CnLAx4krmauCJTKVBhOsa5xwgwZUoM=",
  /** seal(master-password key, '{"token":"local-token-0123456789"}', `${workspaceId}:${accountId}:session:local`). */
  vaultLocal: "v1.9joizMlpMqewXOgZ.uBLCXIOtf71z1kLf+YuvVw==.j5ENCOEKEbD2HAllfLn/NyfjT1+TmUs9As8qWkqKQIXoUg==",
  /** makeVerifier(master-password key, workspaceId). */
  vaultVerifier: "v1.1iQYGMSIvlgWvGJX.89klhE15tcO3/FpXlJ4Qzw==.xBtWLpO1jqYSplysjmm2NtspWmja5aXDod8=",
  /** The master password, its salt (base64 of 16 × 0x03) and iterations; vaultLocalKey is what PBKDF2 derives from them. */
  vaultPassword: 'correct horse battery',
  vaultSalt: "AwMDAwMDAwMDAwMDAwMDAw==",
  vaultIterations: 600_000,
  vaultLocalKey: "l21skDFlDwCf027Rx3S6uhIW2NitpZ58McUOlbEuSkg=",
} as const;
