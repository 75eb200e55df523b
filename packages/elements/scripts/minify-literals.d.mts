export function minifyTemplates(
  code: string,
  fileName: string,
): Promise<{ code: string; map: unknown } | undefined>;

export function minifyDist(distDirectory?: string): Promise<number>;
