/** The shape of a post-build check: a function of the dist index that returns problems, each a full sentence. */
import type { DistIndex } from './dist-index.ts';

export interface Check {
  /** Short name, for the summary line. */
  name: string;
  run: (index: DistIndex) => string[];
}
