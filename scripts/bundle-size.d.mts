export interface BundledChunk {
  path: string;
  /** the source files bundled into the chunk */
  inputs: string[];
  bytes: number;
  gzipBytes: number;
}

/** What an app downloads for `imports` from `from`: up front (`eager`) and on demand (`lazy`). */
export function measureBundle(bundle: {
  from: string;
  imports: string[];
  splitting?: boolean;
}): Promise<{
  eager: { inputs: string[]; bytes: number; gzipBytes: number };
  lazy: BundledChunk[];
}>;
