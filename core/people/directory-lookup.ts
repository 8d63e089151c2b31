/** Where a caller's identity is looked up: Entra object id → staff id, and user name → staff id (first sign-in only). */
export interface DirectoryLookup {
  staffIdForAadObjectId(aadObjectId: string): Promise<string | undefined>;
  staffIdForEmail(email: string): Promise<string | undefined>;
}
