// The element a Polaris web component's event fired on, with the fields its type documents
// (`value`, `checked`, `values`, `files`): Shopify's typings give `currentTarget` as a plain
// EventTarget.
export type FieldElement = { value?: string; checked?: boolean; values?: string[]; files?: readonly File[] };

export function fieldOf(event: Event): FieldElement {
  return (event.currentTarget ?? event.target ?? {}) as FieldElement;
}
