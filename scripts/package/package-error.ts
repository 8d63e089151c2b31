/** A packaging step that cannot go on; `problems` lists every reason at once, one a line. */
export class PackageError extends Error {
  constructor(
    readonly summary: string,
    readonly problems: readonly string[],
  ) {
    super(problems.length > 0 ? `${summary}\n${problems.map((p) => `  - ${p}`).join('\n')}` : summary);
    this.name = 'PackageError';
  }
}
