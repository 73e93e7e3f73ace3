// Forms and their fields: label as a sighted user meets it (label[for], wrapping label,
// aria-labelledby, aria-label), placeholder apart, the personal data each field seems to
// collect, pre-checked boxes, and the visible text in and right around the form (notice,
// consent wording). Fields outside any <form> are grouped under their nearest ancestor holding
// a button, as a form without action.
import { LIMITS, type FieldFact, type FormFact } from '../facts';
import { clip, cssPath } from '../selector';
import { contentText, labelledByText } from './names';
import { personalKind } from './personal';
import { cut, cutUrl } from './text';
import type { Visibility } from './visibility';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const NOT_FIELDS = new Set(['hidden', 'submit', 'button', 'reset', 'image']);
const SURROUNDING_MAX = 4_000;
const SIDE_MAX = 1_000;

function isField(el: Element): el is Control {
  const tag = el.localName;
  if (tag === 'select' || tag === 'textarea') return true;
  return tag === 'input' && !NOT_FIELDS.has((el as HTMLInputElement).type.toLowerCase());
}

/** A label's text: contentText skips the controls' own text (a select's options…). Never cloned: a clone of an <img> in the live page would load it. */
const labelText = (label: Element): string => contentText(label);

/** The page's label[for] elements by the id they name, read once per snapshot (not once per field). */
export type LabelIndex = Map<string, Element[]>;
export function indexLabels(doc: Document): LabelIndex {
  const index: LabelIndex = new Map();
  for (const label of Array.from(doc.querySelectorAll('label[for]'))) {
    const id = label.getAttribute('for') ?? '';
    const list = index.get(id);
    if (list) list.push(label);
    else index.set(id, [label]);
  }
  return index;
}

export function fieldLabel(el: Control, labels: LabelIndex = indexLabels(el.ownerDocument)): string {
  const parts: string[] = [];
  if (el.id) for (const label of labels.get(el.id) ?? []) parts.push(labelText(label));
  const wrapping = el.closest('label');
  if (wrapping && !parts.length) parts.push(labelText(wrapping));
  const label = parts.filter(Boolean).join(' ');
  if (label) return label;
  const labelled = labelledByText(el);
  if (labelled) return labelled;
  return el.getAttribute('aria-label')?.trim() ?? '';
}

function fieldFact(el: Control, labels: LabelIndex): FieldFact {
  const tag = el.localName;
  const type = tag === 'input' ? (el as HTMLInputElement).type.toLowerCase() : tag;
  const label = fieldLabel(el, labels);
  const autocomplete = el.getAttribute('autocomplete') ?? '';
  const name = el.getAttribute('name') ?? '';
  const placeholder = el.getAttribute('placeholder') ?? '';
  const checkable = type === 'checkbox' || type === 'radio';
  return {
    tag,
    type: cut(type, 40),
    name: cut(name, 200),
    label: clip(label, LIMITS.text),
    placeholder: clip(placeholder, LIMITS.text),
    required: el.hasAttribute('required') || el.getAttribute('aria-required') === 'true',
    autocomplete: cut(autocomplete, 100),
    personal: personalKind({ tag, type, name, id: el.id, label, placeholder, autocomplete }),
    // State when the analysis runs, which on a freshly opened page is the page's own default.
    checked: checkable ? (el as HTMLInputElement).checked : false,
    disabled: (el as HTMLInputElement).disabled === true,
    selector: clip(cssPath(el), LIMITS.selector),
  };
}

/** Nearest element siblings with visible text, going up to two levels when the form stands alone. */
function neighbourText(el: Element, visibility: Visibility, direction: 'previous' | 'next'): string {
  let node: Element | null = el;
  for (let level = 0; node && level < 3; level += 1, node = node.parentElement) {
    for (let s = direction === 'previous' ? node.previousElementSibling : node.nextElementSibling; s; s = direction === 'previous' ? s.previousElementSibling : s.nextElementSibling) {
      const text = visibility.visibleText(s, SIDE_MAX * 2);
      if (text) return direction === 'previous' ? text.slice(-SIDE_MAX) : text.slice(0, SIDE_MAX);
    }
    if (node.localName === 'body') break;
  }
  return '';
}

function surroundingText(container: Element, visibility: Visibility): string {
  const before = neighbourText(container, visibility, 'previous');
  const after = neighbourText(container, visibility, 'next');
  const inside = visibility.visibleText(container, SURROUNDING_MAX);
  const room = SURROUNDING_MAX - before.length - after.length - 2;
  return clip([before, cut(inside, Math.max(room, 200)), after].filter(Boolean).join('\n'), SURROUNDING_MAX);
}

function formFact(container: Element, fields: Control[], visibility: Visibility, labels: LabelIndex): FormFact {
  const isForm = container.localName === 'form';
  const form = container as HTMLFormElement;
  return {
    action: isForm ? cutUrl(form.getAttribute('action') === null ? '' : form.action, LIMITS.url) : '',
    method: isForm ? cut((form.getAttribute('method') ?? 'get').toLowerCase(), 20) : '',
    selector: clip(cssPath(container), LIMITS.selector),
    fields: fields.slice(0, LIMITS.fields).map((field) => fieldFact(field, labels)),
    surroundingText: surroundingText(container, visibility),
  };
}

const BUTTONS = 'button, input[type="submit" i], input[type="button" i], [role="button" i]';

/**
 * The nearest ancestor of an orphan field that also holds a button: the form in all but name.
 * `holdsButton` remembers each ancestor's answer: orphans share their ancestors.
 */
function orphanContainer(el: Element, holdsButton: Map<Element, boolean>): Element {
  for (let a = el.parentElement; a; a = a.parentElement) {
    if (a.localName === 'body') return a;
    let holds = holdsButton.get(a);
    if (holds === undefined) holdsButton.set(a, (holds = a.querySelector(BUTTONS) !== null));
    if (holds) return a;
  }
  return el.ownerDocument.body ?? el.ownerDocument.documentElement;
}

export function collectForms(doc: Document, visibility: Visibility): FormFact[] {
  const out: FormFact[] = [];
  const labels = indexLabels(doc);
  for (const form of Array.from(doc.forms)) {
    if (out.length >= LIMITS.forms) return out;
    const fields = Array.from(form.elements).filter(isField);
    out.push(formFact(form, fields, visibility, labels));
  }
  const orphans = new Map<Element, Control[]>();
  const holdsButton = new Map<Element, boolean>();
  for (const el of Array.from(doc.querySelectorAll('input, select, textarea'))) {
    if (!isField(el) || el.form || el.closest('template')) continue;
    const container = orphanContainer(el, holdsButton);
    const list = orphans.get(container) ?? [];
    list.push(el);
    orphans.set(container, list);
  }
  for (const [container, fields] of orphans) {
    if (out.length >= LIMITS.forms) break;
    out.push(formFact(container, fields, visibility, labels));
  }
  return out;
}
