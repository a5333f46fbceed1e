// A Polaris Button whose <button> carries data-testid for the browser e2e. Polaris passes no
// extra attributes through, so the attribute is set on the rendered element after each render
// (the wrapper takes no box of its own: display: contents).
import { Button, type ButtonProps } from "@shopify/polaris";
import { useEffect, useRef } from "react";

export function TestIdButton({ testId, ...props }: ButtonProps & { testId: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const target = ref.current?.querySelector("button, a");
    if (target && target.getAttribute("data-testid") !== testId) target.setAttribute("data-testid", testId);
  });
  return (
    <span ref={ref} style={{ display: "contents" }}>
      <Button {...props} />
    </span>
  );
}
