/** @jsxImportSource preact */
// The full-page return flow for one order: loads what can be returned, walks the shopper through
// the steps (flow-state.ts holds the state and the rules), previews the decision, submits once.
import { Component } from "preact";
import { anythingToRequest } from "../../shared/eligibility-rules";
import { t, type MessageKey } from "../../shared/i18n";
import { orderPageUrl } from "../../shared/links";
import type { Eligibility, ReturnFlowApi } from "../../shared/portal-types";
import { newRequestKey } from "../../shared/request-key";
import { ErrorBanner } from "../../shared/ui/error-banner";
import { Loading } from "../../shared/ui/loading";
import { Remote } from "../../shared/ui/remote";
import {
  canContinue,
  chosenClaim,
  claimsFor,
  flowReducer,
  initialFlow,
  nextStep,
  pickedLines,
  previousStep,
  requestBody,
  stepsFor,
  type FlowAction,
  type FlowState,
  type Step,
} from "./flow-state";
import { ClaimStep } from "./steps/claim-step";
import { ConditionStep } from "./steps/condition-step";
import { Confirmation } from "./steps/confirmation";
import { EvidenceStep } from "./steps/evidence-step";
import { LinesStep } from "./steps/lines-step";
import { NothingReturnable } from "./steps/nothing-returnable";
import { ReviewStep } from "./steps/review-step";
import { StepNav } from "./steps/step-nav";

export type ReturnFlowProps = {
  api: ReturnFlowApi;
  orderId: string;
  navigate: (url: string) => void;
  /** The submission's idempotency key (tests pass a fixed one). */
  newKey?: () => string;
};

const STEP_NAME: Record<Step, MessageKey> = { lines: "steps.lines", claim: "steps.claim", condition: "steps.condition", evidence: "steps.evidence", review: "steps.review" };
const HINT: Partial<Record<Step, MessageKey>> = { lines: "lines.chooseOne", evidence: "evidence.missing" };

type FlowProps = ReturnFlowProps & { eligibility: Eligibility };

/** The steps, once the order's eligibility is known. (A class: Preact's hooks would add 2.6 KB to the bundle.) */
class Flow extends Component<FlowProps, FlowState> {
  /** Set synchronously, so a second tap before the next render cannot send a second request. */
  declare private submitting: boolean;

  constructor(props: FlowProps) {
    super(props);
    this.state = initialFlow;
    this.submitting = false;
  }

  dispatch(action: FlowAction) {
    this.setState((state) => flowReducer(state, action));
  }

  backToOrder() {
    this.props.navigate(orderPageUrl(this.props.orderId));
  }

  runPreview() {
    const { api, eligibility } = this.props;
    this.dispatch({ type: "previewStarted" });
    api.preview(requestBody(eligibility, this.state)).then(
      (preview) => this.dispatch({ type: "previewLoaded", preview, requestKey: (this.props.newKey ?? newRequestKey)() }),
      (error: unknown) => this.dispatch({ type: "previewFailed", error }),
    );
  }

  submit() {
    const { api, eligibility } = this.props;
    const state = this.state;
    if (this.submitting || !state.requestKey || !canContinue(eligibility, state, "review")) return;
    this.submitting = true;
    this.dispatch({ type: "submitStarted" });
    api
      .submit({ ...requestBody(eligibility, state), requestKey: state.requestKey })
      .then(
        (result) => this.dispatch({ type: "submitted", result }),
        (error: unknown) => this.dispatch({ type: "submitFailed", error }),
      )
      .finally(() => {
        this.submitting = false;
      });
  }

  upload(lineItemId: string, files: readonly File[]) {
    for (const file of files) {
      this.dispatch({ type: "uploadStarted", lineItemId });
      this.props.api.uploadEvidence(lineItemId, file).then(
        (evidence) => this.dispatch({ type: "uploaded", lineItemId, upload: evidence }),
        (error: unknown) => this.dispatch({ type: "uploadFailed", lineItemId, error }),
      );
    }
  }

  goNext() {
    const next = nextStep(this.props.eligibility, this.state);
    if (!next || !canContinue(this.props.eligibility, this.state)) return;
    this.dispatch({ type: "goto", step: next });
    if (next === "review") this.runPreview();
  }

  render() {
    const { eligibility } = this.props;
    const state = this.state;
    const dispatch = (action: FlowAction) => this.dispatch(action);
    if (state.submit.status === "done") return <Confirmation result={state.submit.result} onBackToOrder={() => this.backToOrder()} />;

    const steps = stepsFor(eligibility, state);
    const previous = previousStep(eligibility, state);
    const lines = pickedLines(eligibility, state);
    const claim = chosenClaim(eligibility, state);
    const hint = HINT[state.step];

    return (
      <s-stack gap="base">
        <s-text color="subdued">{t("page.progress", { step: steps.indexOf(state.step) + 1, total: steps.length, name: t(STEP_NAME[state.step]) })}</s-text>
        {state.step === "lines" ? (
          <LinesStep eligibility={eligibility} picked={state.picked} onPick={(id, picked) => dispatch({ type: "pick", lineItemId: id, picked })} onQuantity={(id, quantity) => dispatch({ type: "quantity", lineItemId: id, quantity })} />
        ) : null}
        {state.step === "claim" ? (
          <ClaimStep
            claims={claimsFor(eligibility, state)}
            reasons={eligibility.reasons}
            claimType={claim ? claim.type : null}
            reasonId={state.reasonId}
            note={state.note}
            onClaim={(claimType) => dispatch({ type: "claim", claimType })}
            onReason={(reasonId) => dispatch({ type: "reason", reasonId })}
            onNote={(note) => dispatch({ type: "note", note })}
          />
        ) : null}
        {state.step === "condition" ? <ConditionStep lines={lines} picked={state.picked} conditions={eligibility.conditions} onCondition={(id, condition) => dispatch({ type: "condition", lineItemId: id, condition })} /> : null}
        {state.step === "evidence" && claim ? (
          <EvidenceStep
            claim={claim}
            lines={lines}
            evidence={state.evidence}
            uploading={state.uploading}
            uploadError={state.uploadError}
            onFiles={(id, files) => this.upload(id, files)}
            onRemove={(id, evidenceId) => dispatch({ type: "removeEvidence", lineItemId: id, id: evidenceId })}
          />
        ) : null}
        {state.step === "review" ? (
          <ReviewStep lines={lines} preview={state.preview} submit={state.submit} canSubmit={canContinue(eligibility, state, "review")} onSubmit={() => this.submit()} onRetryPreview={() => this.runPreview()} />
        ) : null}
        <StepNav
          onBack={previous && state.submit.status !== "submitting" ? () => dispatch({ type: "goto", step: previous }) : state.step === "lines" ? () => this.backToOrder() : null}
          onContinue={state.step === "review" ? null : () => this.goNext()}
          canContinue={canContinue(eligibility, state)}
          hint={hint ? t(hint) : undefined}
        />
      </s-stack>
    );
  }
}

export function ReturnFlow(props: ReturnFlowProps) {
  return (
    <Remote
      load={props.api.eligibility}
      show={(eligibility, retry) => (
        <s-page heading={t("page.heading")} subheading={eligibility.status === "ready" ? t("page.subheading", { order: eligibility.value.order.name }) : undefined}>
          {eligibility.status === "loading" ? <Loading /> : null}
          {eligibility.status === "error" ? <ErrorBanner error={eligibility.error} onRetry={retry} /> : null}
          {eligibility.status === "ready" && !anythingToRequest(eligibility.value) ? <NothingReturnable eligibility={eligibility.value} onBackToOrder={() => props.navigate(orderPageUrl(props.orderId))} /> : null}
          {eligibility.status === "ready" && anythingToRequest(eligibility.value) ? <Flow {...props} eligibility={eligibility.value} /> : null}
        </s-page>
      )}
    />
  );
}
