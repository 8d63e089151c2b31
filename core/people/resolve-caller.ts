/** Who is calling, as the transport knows them: the Entra object id and, where given, the UPN/e-mail. */
export interface Caller {
  aadObjectId?: string;
  email?: string;
}

export interface DirectoryLookup {
  staffIdForAadObjectId(aadObjectId: string): Promise<string | undefined>;
  staffIdForEmail(email: string): Promise<string | undefined>;
}

/** Maps a caller to a staff id: by Entra object id first, by UPN/e-mail when the id is not known. */
export async function resolveStaffId(directory: DirectoryLookup, caller: Caller): Promise<string | undefined> {
  if (caller.aadObjectId) {
    const byId = await directory.staffIdForAadObjectId(caller.aadObjectId);
    if (byId) return byId;
  }
  if (caller.email) return directory.staffIdForEmail(caller.email);
  return undefined;
}
