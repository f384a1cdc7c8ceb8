import { createRequire } from 'node:module';

/**
 * A package loaded on its first use rather than when the module naming it loads. Every command of
 * the CLI loads the whole core: a dependency that only importing or ranking needs (the HTML parser,
 * lunr) would otherwise cost each `yandu list` its load time. Resolved from this file, as a static
 * import would be (in a bundle, from the bundle).
 */
export function lazyPackage<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= createRequire(__filename)(id) as T);
}
