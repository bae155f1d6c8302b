/**
 * Handlebars reports a runtime error with a line but not the template it
 * came from. Each compiled template (main or partial) is wrapped so the
 * innermost one that sees the error stamps its file on it.
 */
export class TemplateRunError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "TemplateRunError";
  }
}

export function withFile(file: string, fn: HandlebarsTemplateDelegate): HandlebarsTemplateDelegate {
  return (context: unknown, options?: Handlebars.RuntimeOptions) => {
    try {
      return fn(context, options);
    } catch (e) {
      throw e instanceof TemplateRunError ? e : new TemplateRunError(file, e);
    }
  };
}
