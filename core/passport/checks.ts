/** One thing the verifier checked, in plain words: the answer, the audit and the verification queue show these. */
export interface PassportCheck {
  check: CheckName;
  passed: boolean;
  detail: string;
}

export type CheckName = 'format' | 'algorithm' | 'issuer' | 'keys' | 'signature' | 'dates' | 'revocation' | 'trust' | 'identity' | 'items';

export const CHECK_NAMES: Record<CheckName, string> = {
  format: 'Format',
  algorithm: 'Signature algorithm',
  issuer: 'Issuer',
  keys: "Issuer's keys",
  signature: 'Signature',
  dates: 'Dates',
  revocation: 'Revocation',
  trust: 'Trust list',
  identity: 'Identity',
  items: 'Learning items',
};

export class CheckList {
  readonly items: PassportCheck[] = [];
  pass(check: CheckName, detail: string): this {
    this.items.push({ check, passed: true, detail });
    return this;
  }
  fail(check: CheckName, detail: string): this {
    this.items.push({ check, passed: false, detail });
    return this;
  }
}
