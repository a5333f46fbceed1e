// Styles of the offline shopper preview's stand-ins that have no shadow root (layout and text),
// for the page's <style> (no DOM here: the server renders the page with it).
export const SHOPPER_PREVIEW_CSS = `
s-stack { display: flex; flex-direction: column; gap: 1rem; }
s-stack[direction="inline"] { flex-direction: row; flex-wrap: wrap; align-items: center; }
s-stack[gap="small-300"] { gap: .25rem; } s-stack[gap="small-200"] { gap: .5rem; } s-stack[gap="large"] { gap: 1.5rem; }
s-box { display: block; } s-box[border] { border: 1px solid #d4d4d4; border-radius: 10px; } s-box[padding] { padding: .9rem 1rem; }
s-text { display: inline; } s-text[type="strong"] { font-weight: 600; } s-text[color="subdued"], s-paragraph[color="subdued"] { color: #5c5f62; }
s-stack > s-text { display: block; }
s-paragraph { display: block; margin: 0; }
s-heading { display: block; font-weight: 650; font-size: 1.05rem; }
s-badge { display: inline-block; padding: .1rem .6rem; border-radius: 999px; background: #e3e3e3; font-size: .85em; }
s-badge[tone="critical"] { background: #fed3d1; }
s-divider { display: block; border-top: 1px solid #d4d4d4; }
s-unordered-list, s-ordered-list { display: block; padding-inline-start: 1.4rem; margin: 0; }
s-unordered-list > s-list-item { display: list-item; list-style: disc; }
s-ordered-list > s-list-item { display: list-item; list-style: decimal; }
s-option { display: none; }
`;

