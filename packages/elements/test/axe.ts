import axe from 'axe-core';

/** axe-core's violations inside `context` (shadow roots included), as `rule: targets` lines. */
export async function axeViolations(context: Element): Promise<string[]> {
  const results = await axe.run(context, { resultTypes: ['violations'] });
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
  );
}
