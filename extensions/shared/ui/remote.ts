// One call to the portal API as component state: loading, its value, or its error, shown by
// `show`, with a retry that calls again. A late answer of an earlier attempt is dropped.
// (A class: Preact's hooks would add 2.6 KB to each extension's bundle.)
import { Component, type ComponentChildren } from "preact";

export type RemoteState<T> = { status: "loading" } | { status: "ready"; value: T } | { status: "error"; error: unknown };

type Props<T> = { load: () => Promise<T>; show: (state: RemoteState<T>, retry: () => void) => ComponentChildren };

export class Remote<T> extends Component<Props<T>, { remote: RemoteState<T> }> {
  declare private attempt: number;

  constructor(props: Props<T>) {
    super(props);
    this.state = { remote: { status: "loading" } };
    this.attempt = 0;
    this.retry = this.retry.bind(this);
  }

  override componentDidMount() {
    this.retry();
  }

  override componentWillUnmount() {
    this.attempt = -1;
  }

  retry() {
    const mine = ++this.attempt;
    this.setState({ remote: { status: "loading" } });
    this.props.load().then(
      (value) => mine === this.attempt && this.setState({ remote: { status: "ready", value } }),
      (error: unknown) => mine === this.attempt && this.setState({ remote: { status: "error", error } }),
    );
  }

  render() {
    return this.props.show(this.state.remote, this.retry);
  }
}
