/**
 * pdfmake 0.3.11's layout functions that run once or more per node, line or
 * table row, rewritten without what they allocate for nothing: a closure (or
 * two) per node in LayoutBuilder.processNode and DocMeasure.measureNode, a
 * closure per forEach in Line.getHeight and ElementWriter.addFragment, the
 * arrays and closures of helpers/node.js getNodeMargin for a node without
 * margins or styles, the position object processNode builds twice per node
 * to read its `top`, the array of keys DocPreprocessor.preprocessNode makes
 * per node to see whether it is empty, the closure StyleContextStack.getProperty
 * makes per call, the TextDecorator Renderer.renderLine makes for every line
 * (it draws only backgrounds and decorations, which itadoc's lines rarely
 * have), the closure PageElementWriter.addLine makes for every
 * line to retry it on the next page. Minor GC was 15–18 % of a measures PDF;
 * these are the pdfmake-side allocations per node (RESULTS.md wip/layout).
 *
 * Each function is pdfmake's code in pdfmake's order, with the same reads
 * and writes of the layout's objects, and the same pages; mostly only the
 * temporary objects are gone. Where the calls differ, the result does not:
 * PageElementWriter's addLine/addFragment try the add before _fitOnPage (a
 * failed add changes nothing), an unbreakable block nobody else holds has
 * its lines moved onto the page instead of cloned, renderLine makes a
 * TextDecorator only for a line with a background or decoration, and
 * tools.pack copies plain objects with a spread (fasterPack). `install` puts them on pdfmake's prototypes (and the getNodeMargin
 * export, which pdfmake reads at each call) behind `fastLayout.enabled`,
 * keeping pdfmake's own function beside each: a test lays out and draws the
 * same documents both ways and compares the pages and the bytes
 * (test/export/pdf/fast-layout.test.ts), and the canary (PDFMAKE_LAYOUT_MEMBERS,
 * in pdfmake.ts's PDFMAKE_INTERNALS, internals.test.ts) fails when an upgrade
 * moves one of them.
 *
 * One difference in what is made, by design: LayoutBuilder's decorateNode gives every node a
 * `resetXY` closure (and one per canvas vector), called only when a
 * `pageBreakBefore` function makes pdfmake lay the document out again.
 * itadoc never passes one (layOutAndRender in pdfmake.ts passes undefined;
 * LayoutJob has no such field), so nothing would call them.
 */

/** A replaced member: where it lives, pdfmake's own function and ours. */
interface Swapped {
  readonly target: Record<string, unknown>;
  readonly name: string;
  readonly stock: unknown;
  readonly fast: unknown;
}

/** What install swapped: shared with every copy of this module that meets the same pdfmake (installFastLayout). */
let swapped: Swapped[] = [];

/**
 * Whether the rewritten functions are in place (always, in the app; a test
 * turns them off to lay out with pdfmake's own and compare). Set by putting
 * one or the other function on the prototype, not by a test in each call: a
 * dispatcher would cost a call and an arguments array every time.
 */
export const fastLayout = {
  get enabled(): boolean {
    return swapped.every((s) => s.target[s.name] === s.fast);
  },
  set enabled(on: boolean) {
    for (const s of swapped) s.target[s.name] = on ? s.fast : s.stock;
  },
};

/** The members of pdfmake's modules replaced or called here (pdfmake.ts lists them in PDFMAKE_INTERNALS for the canary test). */
export const PDFMAKE_LAYOUT_MEMBERS = {
  LayoutBuilder: ["processNode", "processVerticalContainer", "snakingAwarePageBreak", "processLeaf", "processTable"],
  DocMeasure: ["measureNode", "measureLeaf", "measureTable", "measureVerticalContainer"],
  DocPreprocessor: ["preprocessNode", "preprocessText", "preprocessTable", "preprocessVerticalContainer", "preprocessList", "preprocessColumns"],
  StyleContextStack: ["autopush", "push", "pop", "clone", "auto", "getProperty"],
  Renderer: ["renderLine"],
  TextDecorator: ["drawBackground", "drawDecorations"],
  Line: ["getHeight", "getAscenderHeight", "clone"],
  ElementWriter: ["addFragment", "addLine", "context"],
  PageElementWriter: ["addLine", "addFragment", "_fitOnPage", "commitUnbreakableBlock", "currentBlockToRepeatable", "pushToRepeatables"],
  nodeHelpers: ["getNodeMargin", "stringifyNode"],
} as const;

type Fn = (this: unknown, ...args: never[]) => unknown;

/** A layout node as the functions below read it (pdfmake's document-definition node after preprocessing). */
interface LayoutNode {
  _margin?: number[] | null;
  pageBreak?: string;
  pageOrientation?: unknown;
  relativePosition?: { x?: number; y?: number };
  absolutePosition?: { x?: number; y?: number };
  verticalAlignment?: unknown;
  unbreakable?: unknown;
  positions?: unknown[];
  __height?: number;
  _minWidth: number;
  _maxWidth: number;
  style?: unknown;
  margin?: unknown;
  marginLeft?: unknown;
  marginTop?: unknown;
  marginRight?: unknown;
  marginBottom?: unknown;
  section?: unknown;
  columns?: unknown;
  stack?: LayoutNode[];
  ul?: unknown;
  ol?: unknown;
  table?: unknown;
  text?: unknown;
  toc?: unknown;
  image?: unknown;
  svg?: unknown;
  canvas?: unknown;
  qr?: unknown;
  attachment?: unknown;
  _span?: unknown;
}

interface DocumentContext {
  x: number;
  y: number;
  page: number;
  availableHeight: number;
  getCurrentPage(): unknown;
  getCurrentPosition(): { top: number };
  moveDown(height: number): void;
  addMargin(left: number, right?: number): void;
  beginDetachedBlock(): void;
  endDetachedBlock(): void;
  moveTo(x: number, y: number): void;
  moveToRelative(x: number, y: number): void;
  inSnakingColumns(): boolean;
  isInNestedNonSnakingGroup(): boolean;
}

interface PageWriter {
  context(): DocumentContext;
  moveToNextPage(orientation?: unknown): void;
  beginVerticalAlignment(v: unknown): unknown;
  endVerticalAlignment(v: unknown): unknown;
  beginUnbreakableBlock(): void;
  commitUnbreakableBlock(): void;
  _fitOnPage(add: () => unknown): unknown;
}

interface Builder {
  writer: PageWriter;
  linearNodeList: LayoutNode[];
  verticalAlignmentItemStack: Array<{ begin: unknown; end: unknown }>;
  snakingAwarePageBreak(orientation?: unknown): void;
  processNode(node: LayoutNode, isVerticalAlignmentAllowed?: boolean): void;
  processVerticalContainer(node: LayoutNode): void;
  processSection(node: LayoutNode): void;
  processColumns(node: LayoutNode): void;
  processList(ordered: boolean, node: LayoutNode): void;
  processTable(node: LayoutNode): void;
  processLeaf(node: LayoutNode): void;
  processToc(node: LayoutNode): void;
  processImage(node: LayoutNode): void;
  processSVG(node: LayoutNode): void;
  processCanvas(node: LayoutNode): void;
  processQr(node: LayoutNode): void;
  processAttachment(node: LayoutNode): void;
}

/** pdfmake's page breaks before a node (the start of LayoutBuilder.processNode's applyMargins). */
function breakBefore(writer: PageWriter, node: LayoutNode): void {
  if (node.pageBreak === "before") {
    writer.moveToNextPage(node.pageOrientation);
  } else if (node.pageBreak === "beforeOdd") {
    writer.moveToNextPage(node.pageOrientation);
    if ((writer.context().page + 1) % 2 === 1) writer.moveToNextPage(node.pageOrientation);
  } else if (node.pageBreak === "beforeEven") {
    writer.moveToNextPage(node.pageOrientation);
    if ((writer.context().page + 1) % 2 === 0) writer.moveToNextPage(node.pageOrientation);
  }
}

/** pdfmake's page breaks after a node (the end of applyMargins). */
function breakAfter(writer: PageWriter, node: LayoutNode): void {
  if (node.pageBreak === "after") {
    writer.moveToNextPage(node.pageOrientation);
  } else if (node.pageBreak === "afterOdd") {
    writer.moveToNextPage(node.pageOrientation);
    if ((writer.context().page + 1) % 2 === 1) writer.moveToNextPage(node.pageOrientation);
  } else if (node.pageBreak === "afterEven") {
    writer.moveToNextPage(node.pageOrientation);
    if ((writer.context().page + 1) % 2 === 0) writer.moveToNextPage(node.pageOrientation);
  }
}

/** applyMargins' vertical margin (top before the node, bottom after it): moved down, or to the next page when it does not fit. */
function verticalMargin(builder: Builder, node: LayoutNode, amount: number): void {
  const availableHeight = builder.writer.context().availableHeight;
  if (availableHeight - amount < 0) {
    builder.writer.context().moveDown(availableHeight);
    if (builder.writer.context().inSnakingColumns() && !builder.writer.context().isInNestedNonSnakingGroup()) {
      builder.snakingAwarePageBreak(node.pageOrientation);
    } else {
      builder.writer.moveToNextPage(node.pageOrientation);
    }
  } else {
    builder.writer.context().moveDown(amount);
  }
}

/** getCurrentPosition().top without the position object: its `top` is the context's y (DocumentContext.getCurrentPosition). */
function currentTop(ctx: DocumentContext): number {
  // no page: pdfmake's own call, which fails as it would have
  return ctx.getCurrentPage() === null ? ctx.getCurrentPosition().top : ctx.y;
}

/** The node's own processing (the callback processNode passes to applyMargins). */
function processBody(builder: Builder, node: LayoutNode, isVerticalAlignmentAllowed: boolean, stringify: (n: unknown) => string): void {
  const verticalAlignment = node.verticalAlignment;
  let verticalAlignmentBegin: unknown;
  if (isVerticalAlignmentAllowed && verticalAlignment) verticalAlignmentBegin = builder.writer.beginVerticalAlignment(verticalAlignment);
  const unbreakable = node.unbreakable;
  if (unbreakable) builder.writer.beginUnbreakableBlock();
  const absPosition = node.absolutePosition;
  if (absPosition) {
    builder.writer.context().beginDetachedBlock();
    builder.writer.context().moveTo(absPosition.x || 0, absPosition.y || 0);
  }
  const relPosition = node.relativePosition;
  if (relPosition) {
    builder.writer.context().beginDetachedBlock();
    builder.writer.context().moveToRelative(relPosition.x || 0, relPosition.y || 0);
  }
  if (node.stack) builder.processVerticalContainer(node);
  else if (node.section) builder.processSection(node);
  else if (node.columns) builder.processColumns(node);
  else if (node.ul) builder.processList(false, node);
  else if (node.ol) builder.processList(true, node);
  else if (node.table) builder.processTable(node);
  else if (node.text !== undefined) builder.processLeaf(node);
  else if (node.toc) builder.processToc(node);
  else if (node.image) builder.processImage(node);
  else if (node.svg) builder.processSVG(node);
  else if (node.canvas) builder.processCanvas(node);
  else if (node.qr) builder.processQr(node);
  else if (node.attachment) builder.processAttachment(node);
  else if (!node._span) throw new Error(`Unrecognized document structure: ${stringify(node)}`);
  if (absPosition || relPosition) builder.writer.context().endDetachedBlock();
  if (unbreakable) builder.writer.commitUnbreakableBlock();
  if (isVerticalAlignmentAllowed && verticalAlignment) {
    builder.verticalAlignmentItemStack.push({ begin: verticalAlignmentBegin, end: builder.writer.endVerticalAlignment(verticalAlignment) });
  }
}

/** LayoutBuilder.processNode: applyMargins and its callback inline; decorateNode without resetXY (see the file's comment). */
function makeProcessNode(stringify: (n: unknown) => string) {
  return function processNode(this: Builder, node: LayoutNode, isVerticalAlignmentAllowed = false): void {
    this.linearNodeList.push(node);
    node.positions = [];
    let prevTop: number | undefined;
    if (this.writer.context().getCurrentPage() !== null) prevTop = currentTop(this.writer.context());
    const margin = node._margin;
    breakBefore(this.writer, node);
    const isDetachedBlock = node.relativePosition || node.absolutePosition;
    // detached nodes have no margins, their position is only determined by x and y
    if (margin && !isDetachedBlock) {
      verticalMargin(this, node, margin[1] as number);
      this.writer.context().addMargin(margin[0] as number, margin[2]);
    }
    processBody(this, node, isVerticalAlignmentAllowed, stringify);
    if (margin && !isDetachedBlock) {
      verticalMargin(this, node, margin[3] as number);
      this.writer.context().addMargin(-(margin[0] as number), -(margin[2] as number));
    }
    breakAfter(this.writer, node);
    if (prevTop !== undefined) node.__height = currentTop(this.writer.context()) - prevTop;
  };
}

/** LayoutBuilder.processVerticalContainer: a loop instead of forEach, positions appended in place (addAll). */
function processVerticalContainer(this: Builder, node: LayoutNode): void {
  const stack = node.stack as LayoutNode[];
  const positions = node.positions as unknown[];
  for (let i = 0; i < stack.length; i++) {
    const item = stack[i] as LayoutNode;
    this.processNode(item);
    const own = item.positions as unknown[];
    for (let k = 0; k < own.length; k++) positions.push(own[k]);
  }
}

interface StyleStack {
  styleDictionary: Record<string, unknown>;
  defaultStyle: unknown;
  styleOverrides: unknown[];
  autopush(item: unknown): number;
  push(style: unknown): void;
  pop(howMany?: number): void;
}

interface Measure {
  styleStack: StyleStack;
  measureSection(n: LayoutNode): LayoutNode;
  measureColumns(n: LayoutNode): LayoutNode;
  measureVerticalContainer(n: LayoutNode): LayoutNode;
  measureUnorderedList(n: LayoutNode): LayoutNode;
  measureOrderedList(n: LayoutNode): LayoutNode;
  measureTable(n: LayoutNode): LayoutNode;
  measureLeaf(n: LayoutNode): LayoutNode;
  measureToc(n: LayoutNode): LayoutNode;
  measureImage(n: LayoutNode): LayoutNode;
  measureSVG(n: LayoutNode): LayoutNode;
  measureCanvas(n: LayoutNode): LayoutNode;
  measureQr(n: LayoutNode): LayoutNode;
  measureAttachment(n: LayoutNode): LayoutNode;
}

/** DocMeasure.measureNode's extendMargins. */
function extendMargins(node: LayoutNode): LayoutNode {
  const margin = node._margin;
  if (margin) {
    node._minWidth += (margin[0] as number) + (margin[2] as number);
    node._maxWidth += (margin[0] as number) + (margin[2] as number);
  }
  return node;
}

/** DocMeasure's node by kind (measureNode's chain of ifs). */
function measureKind(m: Measure, node: LayoutNode, stringify: (n: unknown) => string): LayoutNode {
  if (node.section) return m.measureSection(node);
  if (node.columns) return m.measureColumns(node);
  if (node.stack) return m.measureVerticalContainer(node);
  if (node.ul) return m.measureUnorderedList(node);
  if (node.ol) return m.measureOrderedList(node);
  if (node.table) return m.measureTable(node);
  if (node.text !== undefined) return m.measureLeaf(node);
  if (node.toc) return m.measureToc(node);
  if (node.image) return m.measureImage(node);
  if (node.svg) return m.measureSVG(node);
  if (node.canvas) return m.measureCanvas(node);
  if (node.qr) return m.measureQr(node);
  if (node.attachment) return m.measureAttachment(node);
  throw new Error(`Unrecognized document structure: ${stringify(node)}`);
}

/** DocMeasure.measureNode: styleStack.auto's push and pop around the body, without its callback. */
function makeMeasureNode(getNodeMargin: (node: unknown, stack: StyleStack) => number[] | null, stringify: (n: unknown) => string) {
  return function measureNode(this: Measure, node: LayoutNode): LayoutNode {
    const stack = this.styleStack;
    const pushed = stack.autopush(node);
    node._margin = getNodeMargin(node, this.styleStack);
    const result = extendMargins(measureKind(this, node, stringify));
    if (pushed > 0) stack.pop(pushed);
    return result;
  };
}

/** StyleContextStack.autopush: the node's style names and the node pushed, without the arrays made to hold the names. */
function autopush(this: StyleStack, item: unknown): number {
  if (typeof item === "string" || item instanceof String) return 0;
  const node = item as { section?: unknown; style?: unknown };
  if (typeof node.section !== "undefined") return 0; // a section takes no style overrides
  let names = 0;
  if (node.style) {
    if (Array.isArray(node.style)) {
      for (let i = 0; i < node.style.length; i++) this.push(node.style[i]);
      names = node.style.length;
    } else {
      this.push(node.style);
      names = 1;
    }
  }
  this.push(item);
  return names + 1;
}

/** StyleContextStack.clone (a copy per text node measured): the entries copied in a loop, not forEach's closure. */
function makeStackClone(StackCtor: new (dictionary: unknown, defaultStyle: unknown) => StyleStack) {
  return function clone(this: StyleStack): StyleStack {
    const stack = new StackCtor(this.styleDictionary, this.defaultStyle);
    const overrides = this.styleOverrides;
    for (let i = 0; i < overrides.length; i++) stack.styleOverrides.push(overrides[i]);
    return stack;
  };
}

/**
 * helpers/node.js getNodeMargin for a node without a style or single-side
 * margins (every node itadoc makes): its `margin` converted as pdfmake's
 * convertMargin does, or null, without getNodeMargin's three closures and
 * arrays per node. Anything else goes to pdfmake's.
 */
function makeGetNodeMargin(stock: (node: unknown, stack: unknown) => number[] | null) {
  return (node: unknown, stack: unknown): number[] | null => {
    const n = node as LayoutNode;
    if (n.style || n.marginLeft !== undefined || n.marginTop !== undefined || n.marginRight !== undefined || n.marginBottom !== undefined) return stock(node, stack);
    const m = n.margin;
    if (m === undefined) return null;
    let margin: unknown[];
    // convertMargin: a number on all four sides, [horizontal, vertical] doubled, any other array as it is (the node's own)
    if (typeof m === "number" && !Number.isNaN(m)) margin = [m, m, m, m];
    else if (Array.isArray(m)) margin = m.length === 2 ? [m[0], m[1], m[0], m[1]] : m;
    else return stock(node, stack);
    if (margin[0] === undefined && margin[1] === undefined && margin[2] === undefined && margin[3] === undefined) return null;
    return margin as number[];
  };
}

interface LineLike {
  inlines: Array<{ height?: number; fontSize: number; font: { ascender: number } }>;
  maxWidth: number;
}

/** Line.getHeight: the tallest inline, a loop instead of forEach and its closure. */
function getHeight(this: LineLike): number {
  let max = 0;
  const inlines = this.inlines;
  for (let i = 0; i < inlines.length; i++) max = Math.max(max, (inlines[i] as { height?: number }).height || 0);
  return max;
}

/** Line.getAscenderHeight, the same way. */
function getAscenderHeight(this: LineLike): number {
  let y = 0;
  const inlines = this.inlines;
  for (let i = 0; i < inlines.length; i++) {
    const inline = inlines[i] as LineLike["inlines"][number];
    y = Math.max(y, (inline.font.ascender / 1000) * inline.fontSize);
  }
  return y;
}

/**
 * Line.clone: a new Line with the own enumerable fields copied in order.
 * pdfmake's copies with for…in and hasOwnProperty; Object.assign copies the
 * same fields (a Line has no symbol-keyed ones) in the same order.
 */
function makeClone(LineCtor: new (maxWidth: number) => LineLike) {
  return function clone(this: LineLike): LineLike {
    return Object.assign(new LineCtor(this.maxWidth), this);
  };
}

interface Block {
  height: number;
  xOffset?: number;
  yOffset?: number;
  items: Array<{ type: string; item: Record<string, unknown> & { clone?(): Record<string, unknown> } }>;
}

interface FragmentContext {
  x: number;
  y: number;
  page: number;
  availableHeight: number;
  backgroundLength: number[];
  getCurrentPage(): { items: Array<{ type: string; item: unknown }> };
  moveDown(h: number): void;
}

/**
 * The block PageElementWriter.commitUnbreakableBlock is putting on the page,
 * while it does, when its lines belong to nothing else: the first page of the
 * unbreakable block's own context, which is dropped once committed. Its
 * lines are then moved onto the page instead of cloned (pdfmake clones every
 * line of every table row: the largest allocation of its layout). A block
 * whose items a repeatable (a table's header rows, currentBlockToRepeatable)
 * took, and the repeatables themselves, which are put on every page, are
 * cloned as pdfmake does.
 */
let movable: unknown;
const sharedBlocks = new WeakSet<object>();

interface UnbreakableWriter {
  transactionLevel: number;
  context(): { pages: object[] };
}

function makeCommitUnbreakableBlock(stock: (this: UnbreakableWriter, x: unknown, y: unknown) => void) {
  return function commitUnbreakableBlock(this: UnbreakableWriter, forcedX: unknown, forcedY: unknown): void {
    const outer = movable;
    const page = this.transactionLevel === 1 ? this.context().pages[0] : undefined;
    movable = page && !sharedBlocks.has(page) ? page : undefined;
    try {
      stock.call(this, forcedX, forcedY);
    } finally {
      movable = outer;
    }
  };
}

function makeCurrentBlockToRepeatable(stock: (this: UnbreakableWriter) => unknown) {
  return function currentBlockToRepeatable(this: UnbreakableWriter): unknown {
    const page = this.context().pages[0];
    if (page) sharedBlocks.add(page);
    return stock.call(this);
  };
}

/** ElementWriter.addFragment: pdfmake's switch in a loop instead of forEach's closure; an unbreakable block's own lines moved, not cloned (`movable`). */
function makeAddFragment(tools: { pack(...a: unknown[]): Record<string, unknown>; offsetVector(v: unknown, x: number, y: number): void }) {
  return function addFragment(this: { context(): FragmentContext }, block: Block, useBlockXOffset: boolean, useBlockYOffset: boolean, dontUpdateContextPosition: boolean): boolean {
    const ctx = this.context();
    const page = ctx.getCurrentPage();
    if (!useBlockXOffset && block.height > ctx.availableHeight) return false;
    const items = block.items;
    const move = block === movable;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as Block["items"][number];
      switch (item.type) {
        case "line": {
          const l = (move ? item.item : (item.item.clone as () => Record<string, unknown>).call(item.item)) as {
            x?: number;
            y?: number;
            _node?: { positions: Array<{ pageNumber: number }> };
          };
          if (l._node) (l._node.positions[0] as { pageNumber: number }).pageNumber = ctx.page + 1;
          l.x = (l.x || 0) + (useBlockXOffset ? block.xOffset || 0 : ctx.x);
          l.y = (l.y || 0) + (useBlockYOffset ? block.yOffset || 0 : ctx.y);
          // moved: the block's own { type, item } goes onto the page (the same two fields pdfmake's new one has)
          page.items.push(move ? item : { type: "line", item: l });
          break;
        }
        case "vector": {
          const v = tools.pack(item.item);
          tools.offsetVector(v, useBlockXOffset ? block.xOffset || 0 : ctx.x, useBlockYOffset ? block.yOffset || 0 : ctx.y);
          if (v["_isFillColorFromUnbreakable"]) {
            // a cell fill of an unbreakable block goes before the page's other items, after its background
            delete v["_isFillColorFromUnbreakable"];
            const endOfBackgroundItemsIndex = ctx.backgroundLength[ctx.page] as number;
            page.items.splice(endOfBackgroundItemsIndex, 0, { type: "vector", item: v });
          } else {
            page.items.push({ type: "vector", item: v });
          }
          break;
        }
        case "image":
        case "svg":
        case "beginClip":
        case "endClip":
        case "beginVerticalAlignment":
        case "endVerticalAlignment": {
          const img = tools.pack(item.item) as { x?: number; y?: number };
          img.x = (img.x || 0) + (useBlockXOffset ? block.xOffset || 0 : ctx.x);
          img.y = (img.y || 0) + (useBlockYOffset ? block.yOffset || 0 : ctx.y);
          page.items.push({ type: item.type, item: img });
          break;
        }
      }
    }
    if (!dontUpdateContextPosition) ctx.moveDown(block.height);
    return true;
  };
}

/**
 * PageElementWriter.addLine / addFragment: `_fitOnPage(() => super.add…(…))`
 * makes a closure for every line and row. The add is tried first here; only
 * when it does not fit does pdfmake's _fitOnPage get the closure, and it
 * tries once more before moving on: a failed add changes nothing (both
 * ElementWriter methods return false before they touch the line, the block
 * or the page), so the second try is what pdfmake's first was.
 */
function makeFitFirst(add: (this: PageWriter, a: unknown, b: unknown, c: unknown, d: unknown) => unknown) {
  // four arguments: addFragment's (fragment, useBlockXOffset, useBlockYOffset, dontUpdateContextPosition);
  // addLine takes three (line, dontUpdateContextPosition, index) and gets an undefined fourth, as it ignores
  return function fitFirst(this: PageWriter, a: unknown, b: unknown, c: unknown, d: unknown): unknown {
    const position = add.call(this, a, b, c, d);
    if (position) return position;
    return this._fitOnPage(() => add.call(this, a, b, c, d));
  };
}

/** pdfmake's isString (helpers/variableType.js). */
const isString = (v: unknown): v is string | String => typeof v === "string" || v instanceof String;
/** pdfmake's isValue. */
const isValue = (v: unknown): boolean => v !== undefined && v !== null;
/** pdfmake's isNumber. */
const isNumber = (v: unknown): boolean => (typeof v === "number" || v instanceof Number) && !Number.isNaN(v);

/**
 * pdfmake's isEmptyObject (an object, not an array, string or number, with no
 * own enumerable key) without the array of every key Object.keys makes for
 * each node: the first own key found answers.
 */
function isEmptyObject(v: unknown): boolean {
  if (v === null || typeof v !== "object" || Array.isArray(v) || isString(v) || isNumber(v)) return false;
  for (const key in v) if (Object.prototype.hasOwnProperty.call(v, key)) return false;
  return true;
}

/** DocPreprocessor's convertValueToString (a node's text: tabs as four spaces, numbers and booleans as strings, nothing as ""). */
function convertValueToString(value: unknown): unknown {
  if (isString(value)) return value.replace(/\t/g, "    ");
  if (isNumber(value) || typeof value === "boolean") return (value as number | boolean).toString();
  if (value === undefined || value === null || isEmptyObject(value)) return "";
  return value;
}

interface Preprocessor {
  preprocessSection(n: LayoutNode): unknown;
  preprocessColumns(n: LayoutNode): unknown;
  preprocessVerticalContainer(n: LayoutNode, isSectionAllowed: boolean): unknown;
  preprocessList(n: LayoutNode): unknown;
  preprocessTable(n: LayoutNode): unknown;
  preprocessText(n: LayoutNode): unknown;
  preprocessToc(n: LayoutNode): unknown;
  preprocessImage(n: LayoutNode): unknown;
  preprocessSVG(n: LayoutNode): unknown;
  preprocessCanvas(n: LayoutNode): unknown;
  preprocessQr(n: LayoutNode): unknown;
  preprocessAttachment(n: LayoutNode): unknown;
}

/** DocPreprocessor.preprocessNode, with isEmptyObject above (pdfmake's made an array of the node's keys per node). */
function makePreprocessNode(stringify: (n: unknown) => string) {
  return function preprocessNode(this: Preprocessor, input: unknown, isSectionAllowed = false): unknown {
    let node: LayoutNode & { pageReference?: unknown; textReference?: unknown };
    // expand shortcuts and cast values
    if (Array.isArray(input)) {
      node = { stack: input } as unknown as LayoutNode;
    } else if (isString(input) || isNumber(input) || typeof input === "boolean" || input === undefined || input === null || isEmptyObject(input)) {
      node = { text: convertValueToString(input) } as LayoutNode; // a text node given as a value
    } else {
      node = input as LayoutNode;
      if ("text" in node) node.text = convertValueToString(node.text);
    }
    if (node.section) {
      if (!isSectionAllowed) throw new Error(`Incorrect document structure, section node is only allowed at the root level of document structure: ${stringify(node)}`);
      return this.preprocessSection(node);
    }
    if (node.columns) return this.preprocessColumns(node);
    if (node.stack) return this.preprocessVerticalContainer(node, isSectionAllowed);
    if (node.ul) return this.preprocessList(node);
    if (node.ol) return this.preprocessList(node);
    if (node.table) return this.preprocessTable(node);
    if (node.text !== undefined) return this.preprocessText(node);
    if (node.toc) return this.preprocessToc(node);
    if (node.image) return this.preprocessImage(node);
    if (node.svg) return this.preprocessSVG(node);
    if (node.canvas) return this.preprocessCanvas(node);
    if (node.qr) return this.preprocessQr(node);
    if (node.attachment) return this.preprocessAttachment(node);
    if (node.pageReference || node.textReference) return this.preprocessText(node);
    throw new Error(`Unrecognized document structure: ${stringify(node)}`);
  };
}

/**
 * StyleContextStack.getProperty's getStylePropertyFromStyle: a named style's
 * value of `property`, through its `extends` (last parent first), each name
 * looked at once. A module function, not the closure getProperty made per
 * call.
 */
function namedStyleProperty(dictionary: Record<string, unknown>, styleName: unknown, property: string, visited: Set<unknown>): unknown {
  if (visited.has(styleName)) return undefined;
  visited.add(styleName);
  const style = dictionary[styleName as string] as (Record<string, unknown> & { extends?: unknown }) | undefined;
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (style.extends) {
    const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
    for (let i = parents.length - 1; i >= 0; i--) {
      const value = namedStyleProperty(dictionary, parents[i], property, visited);
      if (isValue(value)) return value;
    }
  }
  return undefined;
}

/** StyleContextStack.getProperty (per table cell twice, per node for alignment, font …): the top entry that has the property, else the default style's. */
function getProperty(this: StyleStack, property: string): unknown {
  const overrides = this.styleOverrides;
  if (overrides) {
    for (let i = overrides.length - 1; i >= 0; i--) {
      const item = overrides[i];
      if (isString(item)) {
        const value = namedStyleProperty(this.styleDictionary, item, property, new Set());
        if (isValue(value)) return value;
      } else if (isValue((item as Record<string, unknown>)[property])) {
        return (item as Record<string, unknown>)[property];
      }
    }
  }
  const defaultStyle = this.defaultStyle as Record<string, unknown> | undefined | null;
  return defaultStyle && defaultStyle[property];
}

interface RenderInline {
  text: string;
  x: number;
  width: number;
  height?: number;
  font: { ascender: number };
  fontSize: number;
  characterSpacing?: number;
  link?: unknown;
  linkToDestination?: unknown;
  linkToPage?: number;
  fontFeatures?: unknown;
  opacity?: unknown;
  color?: unknown;
  alignment?: string;
  background?: unknown;
  decoration?: unknown;
  sup?: unknown;
  sub?: unknown;
  _pageNodeRef?: { positions?: Array<{ pageNumber: number }> };
}

interface RenderLine {
  inlines: RenderInline[];
  id?: string;
  _outline?: { id?: string; parentId?: string; text: string; expanded: boolean };
  _pageNodeRef?: { positions?: Array<{ pageNumber: number }> };
  getHeight(): number;
  getAscenderHeight(): number;
}

interface RenderDocument {
  outline: { addItem(text: string, options: { expanded: boolean }): unknown };
  opacity(o: number): unknown;
  fill(c: unknown): unknown;
  resolveColor(c: unknown, d: unknown): unknown;
  fontSize(s: number): unknown;
  text(text: string, x: number, y: number, options: Record<string, unknown>): unknown;
  ref(data: unknown): { end(): void };
  annotate(x: number, y: number, w: number, h: number, options: unknown): unknown;
  _font: unknown;
}

interface Decorator {
  drawBackground(line: RenderLine, x: number, y: number): void;
  drawDecorations(line: RenderLine, x: number, y: number): void;
}

/** Renderer.renderLine's preparePageNodeRefLine: a page reference's inline gets the page number, remeasured and realigned. */
function preparePageNodeRefLine(TextInlines: new (doc: null) => { widthOfText(t: string, i: unknown): number }, ref: NonNullable<RenderInline["_pageNodeRef"]>, inline: RenderInline): void {
  const textInlines = new TextInlines(null);
  if (ref.positions === undefined) throw new Error("Page reference id not found");
  inline.text = (ref.positions[0] as { pageNumber: number }).pageNumber.toString();
  const newWidth = textInlines.widthOfText(inline.text, inline);
  const diffWidth = inline.width - newWidth;
  inline.width = newWidth;
  switch (inline.alignment) {
    case "right":
      inline.x += diffWidth;
      break;
    case "center":
      inline.x += diffWidth / 2;
      break;
  }
}

/** Whether TextDecorator would draw anything for the line: a background or a decoration on an inline (it skips inlines without). */
function decorated(line: RenderLine): boolean {
  for (let i = 0; i < line.inlines.length; i++) {
    const inline = line.inlines[i] as RenderInline;
    if (inline.background || inline.decoration) return true;
  }
  return false;
}

/** Renderer's offsetText: a superscript or subscript inline moved off the baseline. */
function offsetText(y: number, inline: RenderInline): number {
  let newY = y;
  if (inline.sup) newY -= inline.fontSize * 0.75;
  if (inline.sub) newY += inline.fontSize * 0.35;
  return newY;
}

/**
 * Renderer.renderLine: pdfmake's drawing of a line, but the TextDecorator
 * (and its draws, each a walk of the inlines with an array of groups) only
 * for a line with a background or a decoration, where it draws anything, and
 * preparePageNodeRefLine a module function, not a closure per line.
 */
function makeRenderLine(TextDecorator: new (doc: RenderDocument) => Decorator, TextInlines: new (doc: null) => { widthOfText(t: string, i: unknown): number }) {
  return function renderLine(this: { pdfDocument: RenderDocument; outlineMap: Record<string, unknown> }, line: RenderLine, x: number, y: number): void {
    const doc = this.pdfDocument;
    if (line._outline) {
      let parentOutline = doc.outline;
      if (line._outline.parentId && this.outlineMap[line._outline.parentId]) parentOutline = this.outlineMap[line._outline.parentId] as RenderDocument["outline"];
      const outline = parentOutline.addItem(line._outline.text, { expanded: line._outline.expanded });
      if (line._outline.id) this.outlineMap[line._outline.id] = outline;
    }
    if (line._pageNodeRef) preparePageNodeRefLine(TextInlines, line._pageNodeRef, line.inlines[0] as RenderInline);
    x = x || 0;
    y = y || 0;
    const lineHeight = line.getHeight();
    const ascenderHeight = line.getAscenderHeight();
    const descent = lineHeight - ascenderHeight;
    const textDecorator = decorated(line) ? new TextDecorator(doc) : undefined;
    textDecorator?.drawBackground(line, x, y);
    for (let i = 0, l = line.inlines.length; i < l; i++) {
      const inline = line.inlines[i] as RenderInline;
      const shiftToBaseline = lineHeight - (inline.font.ascender / 1000) * inline.fontSize - descent;
      if (inline._pageNodeRef) preparePageNodeRefLine(TextInlines, inline._pageNodeRef, inline);
      const options: Record<string, unknown> = { lineBreak: false, textWidth: inline.width, characterSpacing: inline.characterSpacing, wordCount: 1, link: inline.link };
      if (inline.linkToDestination) options["goTo"] = inline.linkToDestination;
      if (line.id && i === 0) options["destination"] = line.id;
      if (inline.fontFeatures) options["features"] = inline.fontFeatures;
      const opacity = isNumber(inline.opacity) ? (inline.opacity as number) : 1;
      doc.opacity(opacity);
      doc.fill(doc.resolveColor(inline.color, "black"));
      doc._font = inline.font;
      doc.fontSize(inline.fontSize);
      const shiftedY = offsetText(y + shiftToBaseline, inline);
      doc.text(inline.text, x + inline.x, shiftedY, options);
      if (inline.linkToPage) {
        doc.ref({ Type: "Action", S: "GoTo", D: [inline.linkToPage, 0, 0] }).end();
        doc.annotate(x + inline.x, shiftedY, inline.width, inline.height as number, { Subtype: "Link", Dest: [inline.linkToPage - 1, "XYZ", null, null, null] });
      }
    }
    // decorations are not drawn right for superscript (pdfmake's note)
    textDecorator?.drawDecorations(line, x, y);
  };
}

/** Where pdfmake's LayoutBuilder keeps the record of what was swapped, once installed (shared by every copy of this module). */
const INSTALLED = Symbol.for("itadoc.pdfmake-fast-layout");

/**
 * pdfmake's tools.pack (helpers/tools.js): a new object with the own
 * enumerable fields of each argument that is truthy, copied with for…in and
 * hasOwnProperty. Its layout calls it for every vector of every unbreakable
 * block (each table row: ElementWriter.addFragment copies the block's rules
 * and fills onto the page), 1.7 % of a measures PDF's CPU. For one or two
 * plain objects (prototype Object.prototype) a spread makes the same object
 * four times faster: the same own enumerable fields in the same order (a
 * spread would also copy symbol-keyed fields; pdfmake's vectors and table
 * layouts have none). Anything else takes pdfmake's own.
 */
export function fasterPack(stockPack: (...args: unknown[]) => Record<string, unknown>): (...args: unknown[]) => Record<string, unknown> {
  const plainOrNone = (o: unknown): boolean => !o || (typeof o === "object" && Object.getPrototypeOf(o) === Object.prototype);
  return (...args) => {
    if (args.length === 1 && plainOrNone(args[0])) return args[0] ? { ...(args[0] as object) } : {};
    if (args.length === 2 && plainOrNone(args[0]) && plainOrNone(args[1])) return { ...(args[0] || {}), ...(args[1] || {}) };
    return stockPack(...args);
  };
}

/** A member of pdfmake's replaced by ours (pdfmake's kept, for fastLayout). */

function swap(target: Record<string, unknown>, name: string, fast: Fn): void {
  const stock = target[name];
  if (typeof stock !== "function") throw new Error(`pdfmake internals: ${name} is not a function`);
  swapped.push({ target, name, stock, fast });
  target[name] = fast;
}

/** What install needs of pdfmake: the classes and helper modules (loaded by pdfmake.ts). */
export interface LayoutModules {
  LayoutBuilder: { prototype: object };
  DocPreprocessor: { prototype: object };
  Renderer: { prototype: object };
  TextDecorator: new (doc: RenderDocument) => Decorator;
  TextInlines: new (doc: null) => { widthOfText(t: string, i: unknown): number };
  DocMeasure: { prototype: object };
  StyleContextStack: { prototype: object };
  Line: (new (maxWidth: number) => unknown) & { prototype: object };
  ElementWriter: { prototype: object };
  PageElementWriter: { prototype: object };
  nodeHelpers: { getNodeMargin: (node: unknown, stack: unknown) => number[] | null; stringifyNode: (n: unknown) => string };
  tools: { pack(...a: unknown[]): Record<string, unknown>; offsetVector(v: unknown, x: number, y: number): void };
}

/** Puts the rewritten functions on pdfmake's prototypes (once per process, from pdfmake.ts's load). */
export function installFastLayout(m: LayoutModules): void {
  // Once per pdfmake: a second copy of this module in the thread (a test runner's module graph per file, over one
  // require cache) would otherwise take our functions for pdfmake's. It takes the first copy's record instead, so
  // its fastLayout switch still puts pdfmake's own functions back.
  const layoutProto = m.LayoutBuilder.prototype as Record<symbol, Swapped[] | undefined>;
  const earlier = layoutProto[INSTALLED];
  if (earlier) {
    swapped = earlier;
    return;
  }
  layoutProto[INSTALLED] = swapped;
  const stringify = (n: unknown) => m.nodeHelpers.stringifyNode(n);
  const proto = (c: { prototype: object }) => c.prototype as Record<string, unknown>;
  swap(proto(m.DocPreprocessor), "preprocessNode", makePreprocessNode(stringify) as Fn);
  swap(proto(m.LayoutBuilder), "processNode", makeProcessNode(stringify) as Fn);
  swap(proto(m.LayoutBuilder), "processVerticalContainer", processVerticalContainer as Fn);
  const stockMargin = m.nodeHelpers.getNodeMargin;
  const fastMargin = makeGetNodeMargin(stockMargin);
  swap(proto(m.DocMeasure), "measureNode", makeMeasureNode(fastMargin as (n: unknown, s: StyleStack) => number[] | null, stringify) as Fn);
  swap(proto(m.StyleContextStack), "autopush", autopush as Fn);
  swap(proto(m.StyleContextStack), "getProperty", getProperty as Fn);
  swap(proto(m.Renderer), "renderLine", makeRenderLine(m.TextDecorator, m.TextInlines) as Fn);
  swap(proto(m.StyleContextStack), "clone", makeStackClone(m.StyleContextStack as unknown as new (d: unknown, s: unknown) => StyleStack) as Fn);
  // DocMeasure and LayoutBuilder call getNodeMargin as `(0, _node.getNodeMargin)(…)`, reading the export at each call
  swap(m.nodeHelpers as unknown as Record<string, unknown>, "getNodeMargin", fastMargin as Fn);
  swap(proto(m.Line), "getHeight", getHeight as Fn);
  swap(proto(m.Line), "getAscenderHeight", getAscenderHeight as Fn);
  swap(proto(m.Line), "clone", makeClone(m.Line as new (w: number) => LineLike) as Fn);
  const elementWriter = proto(m.ElementWriter);
  swap(elementWriter, "addFragment", makeAddFragment(m.tools) as Fn);
  // pdfmake's modules call pack as `(0, _tools.pack)(…)`, reading the export at each call
  swap(m.tools as unknown as Record<string, unknown>, "pack", fasterPack(m.tools.pack) as Fn);
  // PageElementWriter's own add methods call super's (ElementWriter's, swapped above)
  const pageWriter = proto(m.PageElementWriter);
  swap(pageWriter, "commitUnbreakableBlock", makeCommitUnbreakableBlock(pageWriter["commitUnbreakableBlock"] as Parameters<typeof makeCommitUnbreakableBlock>[0]) as Fn);
  swap(pageWriter, "currentBlockToRepeatable", makeCurrentBlockToRepeatable(pageWriter["currentBlockToRepeatable"] as Parameters<typeof makeCurrentBlockToRepeatable>[0]) as Fn);
  type Add = Parameters<typeof makeFitFirst>[0];
  swap(proto(m.PageElementWriter), "addLine", makeFitFirst(elementWriter["addLine"] as Add) as Fn);
  swap(proto(m.PageElementWriter), "addFragment", makeFitFirst(elementWriter["addFragment"] as Add) as Fn);
}
