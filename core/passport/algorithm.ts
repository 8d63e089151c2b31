/**
 * The one signing algorithm passports use: ECDSA P-256 with SHA-256 (JOSE `ES256`). Key Vault signs
 * it natively with a non-exportable key, and the signature is the 64 raw bytes r‖s that JWS expects.
 */
export const PASSPORT_ALGORITHM = 'ES256' as const;
