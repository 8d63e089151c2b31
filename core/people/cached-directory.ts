import type { DirectoryLookup } from './directory-lookup.js';

/**
 * Remembers found mappings (Teams user → staff id) for a few minutes, so a busy learner's turns do
 * not each pay a storage read. Misses are never remembered: a newly linked account works at once.
 */
export class CachedDirectory implements DirectoryLookup {
  private readonly byAad = new Map<string, { staffId: string; until: number }>();

  constructor(
    private readonly inner: DirectoryLookup,
    private readonly ttlMs = 5 * 60_000,
    private readonly maxEntries = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  async staffIdForAadObjectId(aadObjectId: string): Promise<string | undefined> {
    const key = aadObjectId.toLowerCase();
    const hit = this.byAad.get(key);
    if (hit && hit.until > this.now()) return hit.staffId;
    const staffId = await this.inner.staffIdForAadObjectId(aadObjectId);
    if (staffId) {
      if (this.byAad.size >= this.maxEntries) this.byAad.clear();
      this.byAad.set(key, { staffId, until: this.now() + this.ttlMs });
    } else {
      this.byAad.delete(key);
    }
    return staffId;
  }

  staffIdForEmail(email: string): Promise<string | undefined> {
    return this.inner.staffIdForEmail(email);
  }
}
