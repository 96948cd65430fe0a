/** One dependency as declared in a manifest or pinned in a lockfile. */
export type Ecosystem = 'npm' | 'pypi';

export interface DepEntry {
  ecosystem: Ecosystem;
  name: string;
  /** Version range or source as written (manifest) or the pinned version (lockfile). */
  spec: string;
  /** Where a lockfile says it was fetched from (tarball URL, git URL, index URL). */
  resolved?: string;
  /** How the spec or resolution points outside the registry, if it does. */
  source: 'registry' | 'git' | 'url' | 'file' | 'alias' | 'other-index';
  file: string;
  /** 1-based line when known cheaply; otherwise `needle` is searched for when a finding needs the line. */
  line?: number;
  needle?: string;
  /** Declared by the project itself (manifest) rather than pinned transitively in a lockfile. */
  direct: boolean;
  /** package-lock v2+ `hasInstallScript`. */
  hasInstallScript?: boolean;
}

export interface ManifestReadError {
  file: string;
  message: string;
}
