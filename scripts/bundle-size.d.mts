export interface BundledChunk {
  path: string;
  /** the source files bundled into the chunk */
  inputs: string[];
  bytes: number;
  gzipBytes: number;
}

/**
 * What an app downloads for `imports` from `from` (or, for a map of names to paths, each from
 * its own module): up front (`eager`) and on demand (`lazy`).
 */
export function measureBundle(
  bundle: { from: string; imports: string[] } | { imports: Record<string, string> },
): Promise<{
  eager: { inputs: string[]; bytes: number; gzipBytes: number };
  lazy: BundledChunk[];
}>;
