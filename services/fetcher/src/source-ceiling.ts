import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FetcherConfig } from './fetcher.config';
import type { SourceDeclaration } from './source-registry';

/** The most the operator lets a source added at run time (through the admin routes) reach. */
export interface OperatorCeiling {
  /** FETCHER_FEED_ALLOW_ADDRESS_RANGES: special address ranges a URL source may ask for. */
  allowAddressRanges: readonly string[];
  /** FETCHER_DROP_ROOTS: directories a file-drop source must lie under. */
  dropRoots: readonly string[];
}

export function operatorCeiling(config: FetcherConfig): OperatorCeiling {
  return { allowAddressRanges: config.FETCHER_FEED_ALLOW_ADDRESS_RANGES, dropRoots: config.FETCHER_DROP_ROOTS };
}

/** A declaration that asks for more than the operator allows; `field` names what, for the 400. */
export class BeyondCeilingError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'BeyondCeilingError';
  }
}

/**
 * Holds a source added at run time to the operator's ceiling: its address ranges must be among the
 * configured ones, and a file-drop path must be an existing directory under a configured root once
 * symlinks are resolved. Returns the declaration with the drop path resolved, so the directory
 * watched is the one checked.
 */
export function withinCeiling(declaration: SourceDeclaration, ceiling: OperatorCeiling): SourceDeclaration {
  if (declaration.kind !== 'file-drop') {
    const beyond = declaration.allowAddressRanges.filter((range) => !ceiling.allowAddressRanges.includes(range));
    if (beyond.length > 0) {
      const allowed = ceiling.allowAddressRanges.length > 0 ? ceiling.allowAddressRanges.join(', ') : 'none';
      throw new BeyondCeilingError('allowAddressRanges', `${beyond.join(', ')} not allowed by the operator (FETCHER_FEED_ALLOW_ADDRESS_RANGES allows ${allowed})`);
    }
    return declaration;
  }
  if (ceiling.dropRoots.length === 0) throw new BeyondCeilingError('path', 'file-drop sources cannot be added at run time: FETCHER_DROP_ROOTS is empty');
  if (!path.isAbsolute(declaration.path)) throw new BeyondCeilingError('path', 'must be an absolute path');
  if (declaration.path.split(/[\\/]/).includes('..')) throw new BeyondCeilingError('path', 'must not contain ".." segments');
  let resolved: string;
  try {
    resolved = realpathSync(declaration.path);
  } catch {
    throw new BeyondCeilingError('path', 'does not exist');
  }
  if (!statSync(resolved).isDirectory()) throw new BeyondCeilingError('path', 'is not a directory');
  const inside = ceiling.dropRoots.some((root) => {
    let realRoot: string;
    try {
      realRoot = realpathSync(root);
    } catch {
      return false;
    }
    const relative = path.relative(realRoot, resolved);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  });
  if (!inside) throw new BeyondCeilingError('path', `${resolved} is not under FETCHER_DROP_ROOTS (${ceiling.dropRoots.join(', ')})`);
  return { ...declaration, path: resolved };
}
