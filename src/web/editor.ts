/** The YAML editor: CodeMirror 6 with YAML highlighting, schema key completion and the validator's diagnostics. */
import { autocompletion, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { yaml } from "@codemirror/lang-yaml";
import { defaultHighlightStyle, indentUnit, syntaxHighlighting, bracketMatching } from "@codemirror/language";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { EditorState, type Extension } from "@codemirror/state";
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
import type { ApiDiagnostic, SchemaKey } from "./api.js";
import { schemaCompletion } from "./completion.js";
import { inlineDiagnostics, setInlineDiagnostics, toCm } from "./diagnostics.js";

export interface EditorHooks {
  readonly schema: () => readonly SchemaKey[];
  readonly onChange: (text: string) => void;
  readonly onSave: () => void;
}

function extensions(hooks: EditorHooks): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    bracketMatching(),
    highlightSelectionMatches(),
    EditorState.tabSize.of(2),
    indentUnit.of("  "),
    yaml(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    autocompletion({ override: [schemaCompletion(hooks.schema)], activateOnTyping: true }),
    lintGutter(),
    inlineDiagnostics(),
    EditorView.lineWrapping,
    keymap.of([
      { key: "Mod-s", preventDefault: true, run: () => (hooks.onSave(), true) },
      ...completionKeymap,
      ...defaultKeymap,
      ...historyKeymap,
      ...searchKeymap,
      indentWithTab,
    ]),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) hooks.onChange(u.state.doc.toString());
    }),
  ];
}

export class YamlEditor {
  readonly view: EditorView;
  private readonly exts: Extension[];

  constructor(parent: HTMLElement, hooks: EditorHooks) {
    this.exts = extensions(hooks);
    this.view = new EditorView({ parent, state: EditorState.create({ doc: "", extensions: this.exts }) });
  }

  text(): string {
    return this.view.state.doc.toString();
  }

  /** A new file: fresh state, so undo does not cross into the previous file. */
  load(text: string): void {
    this.view.setState(EditorState.create({ doc: text, extensions: this.exts }));
  }

  /** Same file, new text (a restored draft, the form's result, the disk's version): one undoable change. */
  replace(text: string): void {
    const cur = this.text();
    if (cur === text) return;
    let start = 0;
    while (start < cur.length && start < text.length && cur[start] === text[start]) start++;
    let end = 0;
    while (end < cur.length - start && end < text.length - start && cur[cur.length - 1 - end] === text[text.length - 1 - end]) end++;
    this.view.dispatch({ changes: { from: start, to: cur.length - end, insert: text.slice(start, text.length - end) } });
  }

  showDiagnostics(diags: readonly ApiDiagnostic[]): void {
    const state = this.view.state;
    this.view.dispatch(setDiagnostics(state, diags.map((d) => toCm(state.doc, d))), { effects: setInlineDiagnostics.of(diags) });
  }
}
