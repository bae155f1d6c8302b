/**
 * Static checks on a parsed template, before it ever runs: no unescaped
 * output ({{{ }}} or {{& }}), only helpers that exist, and the partials it
 * names (so a missing one is reported at load time with its line).
 */
import type { MarkupError } from "./errors.js";

export interface PartialRef {
  readonly name: string;
  readonly line: number;
}

export interface TemplateScan {
  readonly errors: readonly MarkupError[];
  readonly partialRefs: readonly PartialRef[];
  /** Names defined with {{#*inline "name"}} in this template. */
  readonly inlinePartials: readonly string[];
  /** A {{> (expression)}} whose partial is only known at run time. */
  readonly dynamicPartials: boolean;
}

type Node = hbs.AST.Node;

export function scanTemplate(ast: hbs.AST.Program, file: string, helpers: ReadonlySet<string>): TemplateScan {
  const errors: MarkupError[] = [];
  const partialRefs: PartialRef[] = [];
  const inlinePartials: string[] = [];
  let dynamicPartials = false;
  const lineOf = (n: Node): number => n.loc?.start.line ?? 0;

  const checkCall = (n: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression, isCall: boolean): void => {
    const path = n.path;
    if (path.type !== "PathExpression") return;
    const p = path as hbs.AST.PathExpression;
    if (!isCall || p.data || p.depth > 0 || p.parts.length !== 1 || helpers.has(p.original)) return;
    errors.push({
      code: "E_TEMPLATE_SYNTAX",
      message: `unknown helper "${p.original}"; helpers: ${[...helpers].sort().join(", ")}`,
      file,
      line: lineOf(n),
    });
  };

  const visit = (n: Node | null | undefined): void => {
    if (!n) return;
    switch (n.type) {
      case "Program":
        (n as hbs.AST.Program).body.forEach(visit);
        return;
      case "MustacheStatement": {
        const m = n as hbs.AST.MustacheStatement;
        if (!m.escaped) {
          errors.push({
            code: "E_TEMPLATE_MARKUP",
            message: "unescaped output ({{{ }}} or {{& }}) is not allowed: data must stay escaped so it can never become markup",
            file,
            line: lineOf(n),
          });
        }
        checkCall(m, m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0);
        visitArgs(m.params, m.hash);
        return;
      }
      case "BlockStatement": {
        const b = n as hbs.AST.BlockStatement;
        checkCall(b, b.params.length > 0 || (b.hash?.pairs.length ?? 0) > 0);
        visitArgs(b.params, b.hash);
        visit(b.program);
        visit(b.inverse);
        return;
      }
      case "DecoratorBlock": {
        const d = n as hbs.AST.DecoratorBlock;
        const first = d.params[0];
        if (d.path.type === "PathExpression" && (d.path as hbs.AST.PathExpression).original === "inline" && first?.type === "StringLiteral") {
          inlinePartials.push((first as hbs.AST.StringLiteral).value);
        }
        visit(d.program);
        return;
      }
      case "PartialStatement":
      case "PartialBlockStatement": {
        const ps = n as hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement;
        const name = partialName(ps.name);
        if (name === undefined) dynamicPartials = true;
        else if (name !== "") partialRefs.push({ name, line: lineOf(n) });
        visitArgs(ps.params, ps.hash);
        if (n.type === "PartialBlockStatement") visit((n as hbs.AST.PartialBlockStatement).program);
        return;
      }
      case "SubExpression": {
        const s = n as hbs.AST.SubExpression;
        checkCall(s, true);
        visitArgs(s.params, s.hash);
        return;
      }
      default:
        return;
    }
  };
  const visitArgs = (params: readonly hbs.AST.Expression[], hash: hbs.AST.Hash | undefined): void => {
    params.forEach(visit);
    hash?.pairs.forEach((p) => visit(p.value));
  };

  visit(ast);
  return { errors, partialRefs, inlinePartials, dynamicPartials };
}

/** Static name, "" for @partial-block, undefined for a name computed at run time. */
function partialName(n: hbs.AST.PathExpression | hbs.AST.SubExpression): string | undefined {
  const node = n as hbs.AST.Node;
  if (node.type === "PathExpression") {
    const p = n as hbs.AST.PathExpression;
    return p.data ? "" : p.original;
  }
  if (node.type === "StringLiteral" || node.type === "NumberLiteral") return String((node as hbs.AST.StringLiteral).value);
  return undefined;
}
