// The logical structure of a PDF built with pdf-lib (tagged PDF, ISO 32000-1 § 14.7–14.8): what
// is drawn for a structure element is wrapped in marked content `/Tag <</MCID n>> BDC … EMC`
// (MCIDs numbered per page from 0), running headers, footers and rules in `/Artifact … EMC`;
// `finish` writes the StructTreeRoot (a Document element, the ParentTree from each page's
// /StructParents to its elements by MCID) and the catalog's /MarkInfo.
//
// Marking is lazy: content drawn for the element whose sequence is open continues it, so a
// paragraph is one sequence per page, not one per line.
import { PDFHexString, PDFName, PDFNumber, PDFOperator, PDFOperatorNames as Ops, type PDFDocument, type PDFObject, type PDFPage, type PDFRef } from 'pdf-lib';

/** Standard structure types used here. */
export type StructType = 'Document' | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'BlockQuote' | 'Table' | 'TR' | 'TH' | 'TD' | 'Figure';

/** Content that is not part of the document's text: running header, footer, rules and borders. */
export type Artifact = 'header' | 'footer' | 'layout';

const ARTIFACTS: Record<Artifact, string | null> = {
  header: '<</Type /Pagination /Subtype /Header>>',
  footer: '<</Type /Pagination /Subtype /Footer>>',
  layout: null,
};

export type Attributes = { O: 'Layout' | 'List' | 'Table' } & Record<string, string | number | number[]>;

interface Mcr {
  page: PDFPage;
  mcid: number;
}

export class StructElem {
  readonly kids: (StructElem | Mcr)[] = [];
  ref?: PDFRef;
  constructor(
    readonly type: StructType,
    readonly parent: StructElem | null,
    /** Alternative text (figures). */
    readonly alt?: string,
    /** Attributes: owner /O and its entries (names as strings); a figure's box once drawn. */
    public attributes?: Attributes,
  ) {}
}

export class Tagger {
  readonly document = new StructElem('Document', null);
  /** Per page, its elements by MCID. */
  private readonly marked = new Map<PDFPage, StructElem[]>();
  private open: { page: PDFPage; target: StructElem | Artifact } | null = null;

  constructor(private readonly doc: PDFDocument) {}

  add(parent: StructElem, type: StructType, options: { alt?: string; attributes?: Attributes } = {}): StructElem {
    const elem = new StructElem(type, parent, options.alt, options.attributes);
    parent.kids.push(elem);
    return elem;
  }

  /** What is drawn next on `page` belongs to `target`: continues the open sequence or ends it and opens one. */
  mark(page: PDFPage, target: StructElem | Artifact) {
    if (this.open?.page === page && this.open.target === target) return;
    this.end();
    this.open = { page, target };
    if (typeof target === 'string') {
      const properties = ARTIFACTS[target];
      page.pushOperators(properties ? PDFOperator.of(Ops.BeginMarkedContentSequence, [PDFName.of('Artifact'), properties]) : PDFOperator.of(Ops.BeginMarkedContent, [PDFName.of('Artifact')]));
      return;
    }
    let elems = this.marked.get(page);
    if (!elems) this.marked.set(page, (elems = []));
    const mcid = elems.push(target) - 1;
    target.kids.push({ page, mcid });
    page.pushOperators(PDFOperator.of(Ops.BeginMarkedContentSequence, [PDFName.of(target.type), `<</MCID ${mcid}>>`]));
  }

  /** Ends the open sequence, if any. */
  end() {
    if (this.open) this.open.page.pushOperators(PDFOperator.of(Ops.EndMarkedContent));
    this.open = null;
  }

  /** Writes the structure tree and marks the document as tagged; `pages` in document order. */
  finish(pages: PDFPage[]) {
    this.end();
    const { context, catalog } = this.doc;
    const rootRef = context.nextRef();
    // Elements with nothing drawn in them are left out (an empty paragraph), table cells kept.
    const kept = (e: StructElem): boolean => e.type === 'TH' || e.type === 'TD' || e.kids.some((k) => !(k instanceof StructElem) || kept(k));
    const number = (e: StructElem) => {
      e.ref = context.nextRef();
      for (const k of e.kids) if (k instanceof StructElem && kept(k)) number(k);
    };
    number(this.document);
    const write = (e: StructElem) => {
      const page = e.kids.find((k): k is Mcr => !(k instanceof StructElem))?.page;
      const kids: PDFObject[] = [];
      for (const k of e.kids) {
        if (k instanceof StructElem) {
          if (!k.ref) continue;
          kids.push(k.ref);
          write(k);
        } else if (k.page === page) kids.push(PDFNumber.of(k.mcid));
        else kids.push(context.obj({ Type: 'MCR', Pg: k.page.ref, MCID: k.mcid }));
      }
      // /Type /StructElem is optional: left out, like /Pg when no content is drawn in the element itself.
      const dict = context.obj({ S: e.type, P: e.parent?.ref ?? rootRef });
      if (page) dict.set(PDFName.of('Pg'), page.ref);
      if (kids.length) dict.set(PDFName.of('K'), kids.length === 1 ? kids[0]! : context.obj(kids));
      if (e.alt !== undefined) dict.set(PDFName.of('Alt'), PDFHexString.fromText(e.alt));
      if (e.attributes) dict.set(PDFName.of('A'), context.obj(e.attributes));
      context.assign(e.ref!, dict);
    };
    write(this.document);

    const nums: PDFObject[] = [];
    pages.forEach((page) => {
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
      const elems = this.marked.get(page);
      if (!elems) return;
      const key = nums.length / 2;
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(key));
      nums.push(PDFNumber.of(key), context.obj(elems.map((e) => e.ref!)));
    });
    context.assign(
      rootRef,
      context.obj({ Type: 'StructTreeRoot', K: [this.document.ref!], ParentTree: context.obj({ Nums: nums }), ParentTreeNextKey: nums.length / 2 }),
    );
    catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  }
}
