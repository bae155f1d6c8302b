/**
 * A depth-first walk over a parsed YAML document, in the order yaml's own
 * `visit` takes (a pair, then its key, then its value; a list, then its
 * items), for the passes itadoc runs over every file it loads. `visit`
 * freezes a fresh ancestry array at every node, and that made its walks the
 * costliest step of loading after the parse itself (bench/RESULTS.md, t17in);
 * these passes need no ancestry. Aliases are not followed, as in `visit`.
 */
import { isDocument, isMap, isPair, isScalar, isSeq, type Document, type Pair, type Scalar, type YAMLSeq } from "yaml";

export interface NodeVisitor {
  readonly pair?: (pair: Pair<unknown, unknown>) => void;
  readonly seq?: (seq: YAMLSeq<unknown>) => void;
  readonly scalar?: (scalar: Scalar) => void;
}

export function walkNodes(node: Document | unknown, visitor: NodeVisitor): void {
  if (isDocument(node)) walkNodes(node.contents, visitor);
  else if (isScalar(node)) visitor.scalar?.(node);
  else if (isPair(node)) {
    visitor.pair?.(node);
    walkNodes(node.key, visitor);
    walkNodes(node.value, visitor);
  } else if (isMap(node)) {
    for (const item of node.items) walkNodes(item, visitor);
  } else if (isSeq(node)) {
    visitor.seq?.(node);
    for (const item of node.items) walkNodes(item, visitor);
  }
}
