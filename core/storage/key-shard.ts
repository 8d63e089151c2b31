import { createHash } from 'node:crypto';

/** A short, stable shard for a key, so one index does not sit in a single hot partition. */
export function shardOf(key: string, shards = 64): string {
  const digest = createHash('sha1').update(key).digest();
  return String(digest.readUInt16BE(0) % shards).padStart(2, '0');
}
