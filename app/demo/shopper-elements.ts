// Minimal stand-ins for the Polaris web components (`s-*`) Clause's customer-account extensions
// render, for the offline shopper preview: custom elements drawing plain, accessible HTML
// (native buttons, checkboxes, radios, selects, text areas, file inputs, headings, lists).
// They take the same properties Preact sets and fire the events the extension listens to
// (`click`, `change`, `input`), with `value`, `checked`, `values` and `files` on the element, as
// Shopify's components do. Not a re-implementation of Polaris: looks are approximate.
// Links and buttons with an `extension:` or `shopify:` href ask the preview to navigate (the
// `shopper-navigate` event), as customer accounts would.

const CSS = `
:host { display: block; }
label { display: flex; gap: .5rem; align-items: center; font: inherit; }
label.field { flex-direction: column; align-items: stretch; gap: .25rem; }
.label { font-weight: 600; }
select, textarea, input[type=file] { font: inherit; padding: .4rem; border: 1px solid #8a8a8a; border-radius: 6px; background: #fff; }
button, a.button { font: inherit; padding: .5rem 1rem; border-radius: 8px; border: 1px solid #8a8a8a; background: #fff; cursor: pointer; color: #111; text-decoration: none; display: inline-block; }
button.primary, a.button.primary { background: #1f2124; color: #fff; border-color: #1f2124; }
button:disabled { opacity: .45; cursor: not-allowed; }
.details { color: #5c5f62; font-size: .9em; margin-inline-start: 1.6rem; }
fieldset { border: 0; padding: 0; margin: 0; display: flex; flex-direction: column; gap: .5rem; }
legend { font-weight: 600; margin-bottom: .25rem; padding: 0; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 0 0 .75rem; }
.sub { color: #5c5f62; margin: 0 0 1rem; }
.banner { border-radius: 10px; padding: .75rem 1rem; background: #eaf4ff; border: 1px solid #a4c8f0; }
.banner.critical { background: #fff0f0; border-color: #f0a4a4; } .banner.warning { background: #fff8e6; border-color: #f0d08a; }
.banner.success { background: #eefaf0; border-color: #9ed8a8; }
.banner strong { display: block; margin-bottom: .25rem; }
`;

export type NavigateHandler = (href: string) => void;

const customProtocol = (href: string | null | undefined) => Boolean(href && /^(extension|shopify):/.test(href));

function requestNavigation(from: HTMLElement, href: string) {
  from.dispatchEvent(new CustomEvent("shopper-navigate", { detail: href, bubbles: true, composed: true }));
}

/** A custom element whose listed properties re-render its shadow DOM. */
abstract class StandIn extends HTMLElement {
  static props: readonly string[] = [];
  protected state: Record<string, unknown> = {};
  protected root: ShadowRoot;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: "open" });
  }

  static define(tag: string, props: readonly string[]) {
    const ctor = this as unknown as typeof StandIn & CustomElementConstructor;
    ctor.props = props;
    for (const name of props) {
      Object.defineProperty(ctor.prototype, name, {
        configurable: true,
        get(this: StandIn) {
          return this.state[name] ?? this.fromAttribute(name);
        },
        set(this: StandIn, value: unknown) {
          this.state[name] = value;
          this.update();
        },
      });
    }
    if (!customElements.get(tag)) customElements.define(tag, ctor);
  }

  /** A property set as an attribute (before upgrade, or in markup). */
  private fromAttribute(name: string): unknown {
    const value = this.getAttribute(name);
    if (value === null) return undefined;
    return value === "" || value === "true" ? true : value === "false" ? false : value;
  }

  connectedCallback() {
    this.update();
  }

  protected prop<T>(name: string): T | undefined {
    return (this as unknown as Record<string, T | undefined>)[name];
  }

  protected abstract render(): void;

  protected update() {
    if (this.isConnected) this.render();
  }

  protected html(markup: string) {
    this.root.innerHTML = `<style>${CSS}</style>${markup}`;
  }

  protected fire(type: "change" | "input") {
    this.dispatchEvent(new Event(type, { bubbles: true }));
  }
}

const escape = (text: unknown) => String(text ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);

class SPage extends StandIn {
  render() {
    const sub = this.prop<string>("subheading");
    this.html(`<h1>${escape(this.prop("heading"))}</h1>${sub ? `<p class="sub">${escape(sub)}</p>` : ""}<slot></slot>`);
  }
}

class SSection extends StandIn {
  render() {
    const heading = this.prop<string>("heading");
    this.html(`<section aria-label="${escape(heading)}">${heading ? `<h2>${escape(heading)}</h2>` : ""}<slot></slot></section>`);
  }
}

class SBanner extends StandIn {
  render() {
    const tone = this.prop<string>("tone") ?? "info";
    const heading = this.prop<string>("heading");
    this.html(`<div class="banner ${escape(tone)}" role="${tone === "critical" ? "alert" : "status"}">${heading ? `<strong>${escape(heading)}</strong>` : ""}<slot></slot></div>`);
  }
}

class SButton extends StandIn {
  constructor() {
    super();
    // A disabled or busy button does nothing, whatever part of it is clicked.
    this.addEventListener("click", (event) => this.blocked() && event.stopImmediatePropagation(), { capture: true });
    this.addEventListener("click", () => {
      const href = this.prop<string>("href");
      if (!this.blocked() && customProtocol(href)) requestNavigation(this, href as string);
    });
  }

  private blocked() {
    return Boolean(this.prop("disabled") || this.prop("loading"));
  }

  render() {
    const variant = this.prop<string>("variant") === "primary" ? "primary" : "";
    const href = this.prop<string>("href");
    const label = this.prop<string>("accessibilityLabel");
    const aria = `${label ? ` aria-label="${escape(label)}"` : ""}${this.prop("loading") ? ' aria-busy="true"' : ""}`;
    if (href && !customProtocol(href)) {
      this.html(`<a class="button ${variant}" href="${escape(href)}" target="_blank" rel="noopener"${aria}><slot></slot></a>`);
    } else {
      this.html(`<button type="button" class="${variant}"${this.blocked() ? " disabled" : ""}${aria}><slot></slot>${this.prop("loading") ? " …" : ""}</button>`);
    }
  }
}

class SLink extends StandIn {
  constructor() {
    super();
    this.addEventListener("click", (event) => {
      const href = this.prop<string>("href");
      if (customProtocol(href)) {
        event.preventDefault();
        requestNavigation(this, href as string);
      }
    });
  }

  render() {
    const href = this.prop<string>("href") ?? "";
    const external = href && !customProtocol(href);
    this.html(`<a href="${escape(external ? href : "#")}"${external ? ' target="_blank" rel="noopener"' : ""}><slot></slot></a>`);
  }
}

class SCheckbox extends StandIn {
  render() {
    this.html(
      `<label><input type="checkbox"${this.prop("checked") ? " checked" : ""}${this.prop("disabled") ? " disabled" : ""}> <span>${escape(this.prop("label"))}</span></label><div class="details"><slot name="details"></slot></div>`,
    );
    const input = this.root.querySelector("input") as HTMLInputElement;
    input.addEventListener("change", () => {
      this.state.checked = input.checked;
      this.fire("change");
    });
  }
}

/** The `s-option` children of a select, as native options. */
class SOption extends HTMLElement {
  get value(): string {
    return this.getAttribute("value") ?? "";
  }
  set value(value: string) {
    this.setAttribute("value", value);
  }
  connectedCallback() {
    this.hidden = true;
  }
}

class SSelect extends StandIn {
  private observer = new MutationObserver(() => this.update());

  override connectedCallback() {
    this.observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true });
    super.connectedCallback();
  }

  disconnectedCallback() {
    this.observer.disconnect();
  }

  render() {
    const value = String(this.prop("value") ?? "");
    const placeholder = this.prop<string>("placeholder");
    const options = [...this.querySelectorAll("s-option")].map((o) => ({ value: (o as SOption).value, text: o.textContent ?? "" }));
    const markup = [
      placeholder || !options.some((o) => o.value === value) ? `<option value=""${value === "" ? " selected" : ""} disabled>${escape(placeholder ?? "")}</option>` : "",
      ...options.map((o) => `<option value="${escape(o.value)}"${o.value === value ? " selected" : ""}>${escape(o.text)}</option>`),
    ].join("");
    this.html(`<label class="field"><span class="label">${escape(this.prop("label"))}</span><select${this.prop("disabled") ? " disabled" : ""}>${markup}</select></label>`);
    const select = this.root.querySelector("select") as HTMLSelectElement;
    select.addEventListener("change", () => {
      this.state.value = select.value;
      this.fire("change");
    });
  }
}

class STextArea extends StandIn {
  render() {
    if (this.root.querySelector("textarea")) {
      // Keep the caret: only the value changes while the shopper types.
      const area = this.root.querySelector("textarea") as HTMLTextAreaElement;
      if (area.value !== String(this.prop("value") ?? "")) area.value = String(this.prop("value") ?? "");
      return;
    }
    this.html(`<label class="field"><span class="label">${escape(this.prop("label"))}</span><textarea rows="${Number(this.prop("rows") ?? 3)}"></textarea></label>`);
    const area = this.root.querySelector("textarea") as HTMLTextAreaElement;
    area.value = String(this.prop("value") ?? "");
    const max = Number(this.prop("maxLength"));
    if (max > 0) area.maxLength = max;
    // The native `input` event crosses the shadow boundary itself; `value` is set first.
    area.addEventListener("input", () => {
      this.state.value = area.value;
    });
  }
}

class SChoiceList extends StandIn {
  constructor() {
    super();
    this.addEventListener("shopper-choice", (event) => {
      event.stopPropagation();
      const { value, selected } = (event as CustomEvent<{ value: string; selected: boolean }>).detail;
      const current = (this.prop<string[]>("values") ?? []).filter((v) => v !== value);
      this.state.values = this.prop("multiple") ? (selected ? [...current, value] : current) : selected ? [value] : current;
      this.syncChoices();
      this.fire("change");
    });
  }

  private syncChoices() {
    const values = this.prop<string[]>("values") ?? [];
    for (const choice of this.querySelectorAll("s-choice")) (choice as SChoice).selected = values.includes((choice as SChoice).value as string);
  }

  render() {
    this.html(`<fieldset${this.prop("multiple") ? "" : ' role="radiogroup"'}><legend>${escape(this.prop("label"))}</legend><slot></slot></fieldset>`);
    queueMicrotask(() => this.syncChoices());
  }
}

class SChoice extends StandIn {
  declare value: string | undefined;
  declare selected: boolean | undefined;

  render() {
    const multiple = Boolean((this.closest("s-choice-list") as { multiple?: boolean } | null)?.multiple);
    this.html(
      `<label><input type="${multiple ? "checkbox" : "radio"}"${this.prop("selected") ? " checked" : ""}${this.prop("disabled") ? " disabled" : ""}> <span><slot></slot></span></label><div class="details"><slot name="details"></slot></div>`,
    );
    const input = this.root.querySelector("input") as HTMLInputElement;
    input.addEventListener("change", () => {
      this.dispatchEvent(new CustomEvent("shopper-choice", { detail: { value: this.prop("value"), selected: input.checked }, bubbles: true }));
    });
  }
}

class SDropZone extends StandIn {
  private chosen: File[] = [];

  get files(): readonly File[] {
    return this.chosen;
  }

  render() {
    const accept = this.prop<string>("accept");
    this.html(
      `<label class="field"><span class="label">${escape(this.prop("label"))}</span><input type="file"${accept ? ` accept="${escape(accept)}"` : ""}${this.prop("multiple") ? " multiple" : ""}${this.prop("disabled") ? " disabled" : ""}></label>`,
    );
    const input = this.root.querySelector("input") as HTMLInputElement;
    input.addEventListener("change", () => {
      this.chosen = [...(input.files ?? [])];
      this.fire("change");
      input.value = "";
    });
  }
}

class SSpinner extends StandIn {
  render() {
    const label = this.prop<string>("accessibilityLabel") ?? "";
    this.html(`<span role="progressbar" aria-label="${escape(label)}" style="display:inline-block;width:1em;height:1em;border:2px solid #8a8a8a;border-top-color:transparent;border-radius:50%;animation:spin 1s linear infinite"></span><style>@keyframes spin{to{transform:rotate(360deg)}}</style>`);
  }
}

/** Layout and text elements: styled by the page's CSS (shopper-styles.ts), roles set here. */
class Plain extends HTMLElement {
  static role: Record<string, [string, string?]> = {
    "s-heading": ["heading", "3"],
    "s-unordered-list": ["list"],
    "s-ordered-list": ["list"],
    "s-list-item": ["listitem"],
    "s-divider": ["separator"],
  };
  connectedCallback() {
    const [role, level] = Plain.role[this.localName] ?? [];
    if (role && !this.hasAttribute("role")) this.setAttribute("role", role);
    if (level) this.setAttribute("aria-level", level);
  }
}

/** Registers every stand-in (once). */
export function defineShopperElements() {
  SPage.define("s-page", ["heading", "subheading"]);
  SSection.define("s-section", ["heading"]);
  SBanner.define("s-banner", ["heading", "tone"]);
  SButton.define("s-button", ["variant", "disabled", "loading", "href", "accessibilityLabel", "tone"]);
  SLink.define("s-link", ["href", "target"]);
  SCheckbox.define("s-checkbox", ["label", "checked", "disabled"]);
  SSelect.define("s-select", ["label", "value", "placeholder", "disabled"]);
  STextArea.define("s-text-area", ["label", "value", "rows", "maxLength"]);
  SChoiceList.define("s-choice-list", ["label", "values", "multiple", "name"]);
  SChoice.define("s-choice", ["value", "selected", "disabled"]);
  SDropZone.define("s-drop-zone", ["label", "accept", "multiple", "disabled"]);
  SSpinner.define("s-spinner", ["accessibilityLabel"]);
  if (!customElements.get("s-option")) customElements.define("s-option", SOption);
  for (const tag of ["s-stack", "s-box", "s-text", "s-paragraph", "s-heading", "s-badge", "s-divider", "s-unordered-list", "s-ordered-list", "s-list-item"]) {
    if (!customElements.get(tag)) customElements.define(tag, class extends Plain {});
  }
}
