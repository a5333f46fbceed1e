// Rendering the extensions' Preact trees into happy-dom and acting on the `s-*` elements the way
// Shopify's web components report changes: the element's `value` / `checked` / `values` /
// `files` set, then a `change` (or `input`) event.
import { render, type ComponentChild } from "preact";
import { act } from "preact/test-utils";

export function mount(tree: ComponentChild): HTMLElement {
  const root = document.createElement("div");
  document.body.append(root);
  act(() => render(tree, root));
  return root;
}

export function unmountAll() {
  for (const root of [...document.body.children]) {
    render(null, root);
    root.remove();
  }
}

/** Lets pending promises (the fake API's answers) resolve and Preact re-render. */
export async function settle(rounds = 4) {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/**
 * What the shopper reads: text, plus the texts Polaris components take as properties (headings,
 * labels), in document order, whitespace collapsed.
 */
export function readText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) parts.push(node.textContent ?? "");
    if (node.nodeType !== 1) return;
    const el = node as Element;
    for (const attr of ["heading", "subheading", "label"]) {
      const value = el.getAttribute(attr);
      if (value) parts.push(` ${value} `);
    }
    for (const child of el.childNodes) walk(child);
  };
  walk(root);
  return parts.join("").replace(/\s+/g, " ").trim();
}

export function find(root: Element, selector: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`no ${selector} in: ${readText(root).slice(0, 500)}`);
  return el;
}

/** The `s-button` whose text is `text`. */
export function button(root: Element, text: string | RegExp): HTMLElement {
  const found = [...root.querySelectorAll<HTMLElement>("s-button")].find((b) => (typeof text === "string" ? b.textContent?.trim() === text : text.test(b.textContent ?? "")));
  if (!found) throw new Error(`no button ${String(text)} among: ${[...root.querySelectorAll("s-button")].map((b) => b.textContent).join(" | ")}`);
  return found;
}

export const isDisabled = (el: Element) => el.hasAttribute("disabled") || (el as unknown as { disabled?: boolean }).disabled === true;

async function fire(el: HTMLElement, type: string, fields: Record<string, unknown>) {
  Object.assign(el, fields);
  await act(() => {
    el.dispatchEvent(new Event(type, { bubbles: true }));
  });
  await settle();
}

export const click = (el: HTMLElement) => fire(el, "click", {});
export const setChecked = (el: HTMLElement, checked: boolean) => fire(el, "change", { checked });
export const choose = (el: HTMLElement, value: string) => fire(el, "change", { value });
export const chooseValues = (el: HTMLElement, values: string[]) => fire(el, "change", { values });
export const type = (el: HTMLElement, value: string) => fire(el, "input", { value });
export const dropFiles = (el: HTMLElement, files: File[]) => fire(el, "change", { files });
